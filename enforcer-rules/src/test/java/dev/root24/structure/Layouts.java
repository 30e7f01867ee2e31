package dev.root24.structure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Builds repository roots on disk for the tests. */
final class Layouts {

    private Layouts() {}

    /** A compliant root: the 24 modules, each with a module.yaml, plus a pom.xml. */
    static Path compliant(Path root) {
        return compliantExcept(root, Set.of());
    }

    static Path compliantExcept(Path root, Set<String> skipped) {
        try {
            for (String module : StructurePolicy.DEFAULT_MODULES) {
                if (!skipped.contains(module)) {
                    Files.createDirectories(root.resolve(module));
                    Files.writeString(root.resolve(module).resolve("module.yaml"), "name: " + module + "\n");
                }
            }
            Files.writeString(root.resolve("pom.xml"), "<project/>");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
