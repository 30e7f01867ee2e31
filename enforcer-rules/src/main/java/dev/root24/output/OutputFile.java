package dev.root24.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file (a report, a verification result, a copy of an entry or checkpoint) so that a link
 * planted at its name is replaced, never written through, and a reader never sees half a file:
 * the bytes go to a new temporary file in the same directory (created exclusively, so no link can
 * be there), which is then moved over the name. A rename replaces a link itself, not its target.
 */
public final class OutputFile {

    private OutputFile() {
    }

    /** Writes {@code bytes} to {@code target}, replacing whatever is there (a link included). */
    public static Path replace(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + absolute.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
