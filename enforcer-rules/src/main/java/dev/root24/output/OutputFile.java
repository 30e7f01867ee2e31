package dev.root24.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes an output file (a report, a verification result, a copy of an entry or checkpoint) so that a link
 * planted at its name is replaced, never written through, and a reader never sees half a file:
 * the bytes go to a new temporary file in the same directory (created exclusively, so no link can
 * be there), which is then moved over the name. A rename replaces a link itself, not its target.
 */
public final class OutputFile {

    /**
     * Who may read what is written. The temporary file starts owner-only; the mode is set before the
     * move, so a reader never sees the file with a wider mode than intended.
     */
    public enum Access {
        /** Reports and copies meant to be read, archived and published: {@code rw-r--r--} (0644). */
        SHARED("rw-r--r--"),
        /** Anything that must stay with its owner, such as a key: {@code rw-------} (0600). */
        OWNER_ONLY("rw-------");

        private final Set<PosixFilePermission> permissions;

        Access(String mode) {
            this.permissions = PosixFilePermissions.fromString(mode);
        }

        /** The POSIX permissions this access gives. */
        public Set<PosixFilePermission> permissions() {
            return permissions;
        }
    }

    private OutputFile() {
    }

    /** Writes {@code bytes} to {@code target} readable by all ({@link Access#SHARED}), replacing whatever is there (a link included). */
    public static Path replace(Path target, byte[] bytes) throws IOException {
        return replace(target, bytes, Access.SHARED);
    }

    /** Writes {@code bytes} to {@code target} with {@code access}, replacing whatever is there (a link included). */
    public static Path replace(Path target, byte[] bytes, Access access) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + absolute.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, access.permissions());
            }
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
