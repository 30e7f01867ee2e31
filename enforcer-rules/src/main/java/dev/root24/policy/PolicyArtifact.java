package dev.root24.policy;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.Comparator;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The artifact a classpath policy file comes from: the jar's own {@code pom.properties}, written
 * by every Maven build, give its {@code groupId:artifactId:version} without asking Maven.
 *
 * @param container the jar (or classpath directory) that holds the file, to tell whether two
 *     files come from the same artifact
 * @param coordinates {@code groupId:artifactId:version}, or null when the container has none
 */
record PolicyArtifact(String container, String coordinates) {

    private static final long MAX_PROPERTIES_BYTES = 64 * 1024;

    static PolicyArtifact of(URL url, String resource) {
        if ("jar".equals(url.getProtocol())) {
            try {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                String container = connection.getJarFileURL().toString();
                try (JarFile jar = connection.getJarFile()) {
                    return new PolicyArtifact(container, coordinates(jar));
                }
            } catch (IOException | ClassCastException e) {
                return new PolicyArtifact(url.toString(), null);
            }
        }
        String text = url.toString();
        String container = text.endsWith(resource) ? text.substring(0, text.length() - resource.length()) : text;
        return new PolicyArtifact(container, null);
    }

    private static String coordinates(JarFile jar) throws IOException {
        JarEntry entry = jar.stream()
                .filter(e -> e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties"))
                .min(Comparator.comparing(JarEntry::getName))
                .orElse(null);
        if (entry == null) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = jar.getInputStream(entry)) {
            properties.load(new java.io.ByteArrayInputStream(in.readNBytes((int) MAX_PROPERTIES_BYTES)));
        }
        String g = properties.getProperty("groupId");
        String a = properties.getProperty("artifactId");
        String v = properties.getProperty("version");
        return g == null || a == null || v == null ? null : g.strip() + ":" + a.strip() + ":" + v.strip();
    }
}
