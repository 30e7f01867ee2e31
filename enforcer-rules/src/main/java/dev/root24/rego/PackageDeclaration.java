package dev.root24.rego;

/**
 * The {@code package} statement of a Rego file.
 *
 * @param path the package path exactly as written, e.g. {@code ssid.01ailayer.v6_0}
 * @param line its 1-based line
 * @param pathStart offset of the path's first character in the source
 * @param pathEnd offset just after the path
 */
public record PackageDeclaration(String path, int line, int pathStart, int pathEnd) {}
