package dev.root24.worm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads a file of a store the way a hostile store demands: never through a symbolic link, never
 * from anything but a regular file (a FIFO would block the build forever, a device could be
 * endless), and never more than a stated number of bytes, whatever size the file claims.
 *
 * <p>The attributes are read without following links before opening, and the open itself refuses a
 * link ({@code O_NOFOLLOW}), so a link swapped in between is refused too; what remains is a FIFO
 * swapped in between the check and the open, which needs write access to the store at that very
 * instant and is outside what this reader can rule out.
 */
public final class RegularFile {

    /** Why a file was refused; the message is one line and never quotes the file's content. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    private RegularFile() {
    }

    /**
     * The bytes of {@code file}, at most {@code maxBytes}.
     *
     * @throws NoSuchFileException when nothing (not even a link) is there
     * @throws Refused when it is a link, not a regular file, or larger than {@code maxBytes}
     * @throws IOException when it cannot be read
     */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        return read(file, maxBytes, false);
    }

    /**
     * As {@link #read(Path, long)}, but following links: for a file the user named on purpose (a
     * trusted checkpoint, a key), where only FIFOs, devices and size are the danger.
     */
    public static byte[] readFollowingLinks(Path file, long maxBytes) throws IOException {
        return read(file, maxBytes, true);
    }

    private static byte[] read(Path file, long maxBytes, boolean followLinks) throws IOException {
        LinkOption[] options = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        if (requireRegular(file, options) > maxBytes) {
            throw new Refused("is larger than " + describe(maxBytes) + ": not read");
        }
        OpenOption[] open = followLinks ? new OpenOption[] {StandardOpenOption.READ}
                : new OpenOption[] {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS};
        try (SeekableByteChannel channel = Files.newByteChannel(file, open)) {
            // Read at most one byte beyond the limit: the size in the attributes can change, or lie.
            int cap = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(cap, Math.max(channel.size() + 1, 8192)));
            while (true) {
                if (!buffer.hasRemaining()) {
                    if (buffer.capacity() >= cap) {
                        break;
                    }
                    ByteBuffer bigger = ByteBuffer.allocate((int) Math.min((long) buffer.capacity() * 2, cap));
                    buffer.flip();
                    bigger.put(buffer);
                    buffer = bigger;
                }
                if (channel.read(buffer) < 0) {
                    break;
                }
            }
            if (buffer.position() > maxBytes) {
                throw new Refused("is larger than " + describe(maxBytes) + ": not read");
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        } catch (NoSuchFileException e) {
            throw e;
        } catch (FileSystemException e) {
            // O_NOFOLLOW on a link swapped in after the check fails with ELOOP.
            if (!followLinks && Files.isSymbolicLink(file)) {
                throw new Refused("is a symbolic link: store files are never followed");
            }
            throw e;
        }
    }

    /**
     * Refuses a link (unless {@code options} is empty), a FIFO, a device or a directory, and
     * returns the size; a missing file gives {@link NoSuchFileException}.
     */
    public static long requireRegular(Path file, LinkOption... options) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, options);
        if (attributes.isSymbolicLink()) {
            throw new Refused("is a symbolic link: store files are never followed");
        }
        if (attributes.isDirectory()) {
            throw new Refused("is a directory, not a regular file");
        }
        if (!attributes.isRegularFile()) {
            throw new Refused("is not a regular file (a FIFO, socket or device): not read");
        }
        return attributes.size();
    }

    /** Whether something, even a dangling link, exists at {@code file}. */
    public static boolean existsNoFollow(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static String describe(long bytes) {
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
