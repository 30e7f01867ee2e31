package dev.root24.ci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Supplier;

import org.treesitter.TSParser;

/**
 * Where the tree-sitter binding extracts its native libraries before {@code System.load}: a
 * directory of this class loader's own, never the binding's default {@code ~/.tree-sitter}.
 *
 * <p>Two reasons. A JVM refuses to load one library file into two class loaders, and a Maven build
 * has two that run this code: the enforcer plugin's (the {@code ciReferences} rule) and Root24's
 * own plugin ({@code certify}); with the shared default path the second one failed with
 * {@code UnsatisfiedLinkError}. And a shared, user-writable directory is a place where a file
 * planted by someone else would be loaded as code; a fresh owner-only temporary directory is not.
 *
 * <p>The binding reads the directory from the system property {@code tree-sitter-lib} at each
 * load, so the property is set only while this class loads a library, under the monitor of the
 * JVM's system properties (shared by every class loader), and restored afterwards.
 */
final class NativeLibraries {

    static final String DIRECTORY_PROPERTY = "tree-sitter-lib";

    private NativeLibraries() {
    }

    /** Created on first use: owner-only ({@code Files.createTempDirectory}), removed when the JVM exits. */
    private static final class Directory {
        static final Path PATH = create();

        private static Path create() {
            try {
                Path dir = Files.createTempDirectory("root24-tree-sitter-");
                dir.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Runs {@code load} (a grammar's constructor) with the binding's natives taken from this loader's directory. */
    static <T> T load(Supplier<T> load) {
        Properties properties = System.getProperties();
        synchronized (properties) {
            String before = properties.getProperty(DIRECTORY_PROPERTY);
            System.setProperty(DIRECTORY_PROPERTY, Directory.PATH.toString());
            try {
                // The runtime library first: its class loads it in a static initialiser, which
                // would otherwise run later, outside this block, against the default directory.
                new TSParser();
                return load.get();
            } finally {
                if (before == null) {
                    System.clearProperty(DIRECTORY_PROPERTY);
                } else {
                    System.setProperty(DIRECTORY_PROPERTY, before);
                }
                removeOnExit();
            }
        }
    }

    /** Registered after the directory, so they are deleted before it (deleteOnExit runs in reverse order). */
    private static void removeOnExit() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Directory.PATH)) {
            for (Path file : files) {
                file.toFile().deleteOnExit();
            }
        } catch (IOException e) {
            // Only temporary files are left behind; the load itself has succeeded or failed already.
        }
    }
}
