package dev.root24.ci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a tool's path holds. Only a regular, non-empty file is a tool: an empty file, a file of
 * blanks, a directory or a link prove nothing runs, so they earn nothing. A policy may pin the
 * file's SHA-256; a changed tool then earns nothing either and is named with both digests.
 *
 * @param present whether the path holds a tool that counts
 * @param sha256 the file's SHA-256 (hex) when it is a readable regular file, else null
 * @param problem why the tool does not count, or null when it does
 */
public record ToolFile(boolean present, String sha256, String problem) {

    /** Tools larger than this are refused rather than digested: no tool script is 64 MiB. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** A tool assumed present or missing (what-if analysis), without a digest. */
    public static ToolFile assumed(boolean present) {
        return new ToolFile(present, null, present ? null : "tool file missing");
    }

    /**
     * Inspects {@code file} without following a link.
     *
     * @param pinnedSha256 the digest the policy pins, or null
     */
    public static ToolFile inspect(Path file, String pinnedSha256) {
        return inspect(file, pinnedSha256, "tool");
    }

    /**
     * Inspects {@code file} without following a link; messages call it a {@code noun} file
     * (evidence files obey the same rule as tool files).
     */
    public static ToolFile inspect(Path file, String pinnedSha256, String noun) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return new ToolFile(false, null, noun + " file missing");
        }
        if (attributes.isSymbolicLink()) {
            return new ToolFile(false, null, noun + " path is a link, not a regular file");
        }
        if (attributes.isDirectory()) {
            return new ToolFile(false, null, noun + " path is a directory, not a regular file");
        }
        if (!attributes.isRegularFile()) {
            return new ToolFile(false, null, noun + " path is not a regular file");
        }
        if (attributes.size() > MAX_BYTES) {
            return new ToolFile(false, null, noun + " file is larger than " + MAX_BYTES + " bytes");
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        boolean blank = true;
        long read = 0;
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0 && read <= MAX_BYTES; read += n) {
                digest.update(buffer, 0, n);
                for (int i = 0; i < n && blank; i++) {
                    blank = Character.isWhitespace(buffer[i]);
                }
            }
        } catch (IOException e) {
            return new ToolFile(false, null, noun + " file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (read > MAX_BYTES) {
            return new ToolFile(false, null, noun + " file is larger than " + MAX_BYTES + " bytes");
        }
        if (blank) {
            return new ToolFile(false, sha256, read == 0 ? noun + " file is empty" : noun + " file holds only blanks");
        }
        if (pinnedSha256 != null && !pinnedSha256.equalsIgnoreCase(sha256)) {
            return new ToolFile(false, sha256, noun + " file has sha256 " + sha256 + ", the policy pins " + pinnedSha256);
        }
        return new ToolFile(true, sha256, null);
    }
}
