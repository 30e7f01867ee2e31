package dev.root24.org;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.root24.output.OutputFile;
import dev.root24.policy.PolicyException;
import dev.root24.worm.ChainProblem;
import dev.root24.worm.ChainStore;
import dev.root24.worm.DigestAlgorithm;
import dev.root24.worm.RegularFile;
import tools.jackson.databind.JsonNode;

/**
 * Verdicts of earlier organisation reports, so a rerun verifies only the chains that changed.
 *
 * <p>An entry is keyed by the SHA-256 of everything the verdict depends on: the organisation's
 * requirements (policy digest, key ids, algorithms, locks, tier), the project, and the SHA-256 of
 * every deployed certification artifact of its chain, with what the store found about them. A
 * certification redeployed with a higher score has another digest, so it misses the cache and is
 * verified afresh; a changed policy or key set misses too.
 *
 * <p>The cache's files are outside the organisation's control in the usual CI setup (a restored CI
 * cache, a shared workspace), so each entry carries an HMAC-SHA256 over its key and content under
 * a secret key kept apart from the cache ({@code cacheKeyFile}). An entry that was edited, copied
 * to another key or written by anyone without the secret fails that check and is ignored: the
 * chain is verified again. A tampered cache therefore cannot raise a score or a status; at worst
 * it costs a verification. Age is never cached: {@link ProjectRow#aged} applies it on every run.
 */
public final class VerificationCache {

    private static final long MAX_ENTRY_BYTES = 1L << 20;
    private static final int KEY_BYTES = 32;

    private final Path directory;
    private final byte[] secret;

    private VerificationCache(Path directory, byte[] secret) {
        this.directory = directory;
        this.secret = secret;
    }

    /**
     * The cache in {@code directory}, authenticated with the secret in {@code keyFile} (created,
     * owner-only, when missing). Neither is used through a symbolic link.
     */
    public static VerificationCache open(Path directory, Path keyFile) throws PolicyException {
        Path dir = directory.toAbsolutePath().normalize();
        Path key = keyFile.toAbsolutePath().normalize();
        if (key.startsWith(dir)) {
            throw new PolicyException(key + ": the cache key may not lie in the cache directory " + dir
                    + ", or whoever can write the cache could forge it");
        }
        try {
            if (Files.isSymbolicLink(dir)) {
                throw new PolicyException(dir + ": the cache directory is a symbolic link; not used");
            }
            Files.createDirectories(dir);
            return new VerificationCache(dir, secret(key));
        } catch (IOException e) {
            throw new PolicyException(dir + ": the cache cannot be opened (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] secret(Path file) throws IOException, PolicyException {
        try {
            byte[] bytes = RegularFile.read(file, 1024);
            if (bytes.length < KEY_BYTES) {
                throw new PolicyException(file + ": the cache key is shorter than " + KEY_BYTES + " bytes");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            byte[] fresh = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.write(file, fresh);
            return fresh;
        } catch (RegularFile.Refused e) {
            throw new PolicyException(file + ": " + e.getMessage());
        }
    }

    /**
     * The key of the verdict on {@code project}'s chain under {@code requirements}, whose deployed
     * artifacts have {@code deployed} as their {@link #digest digest}.
     */
    public static String key(String requirements, ProjectCoordinates project, String deployed) {
        MessageDigest digest = sha256();
        line(digest, requirements);
        line(digest, project.toString());
        line(digest, deployed);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The digest of what was deployed: each version with the SHA-256 of its certification
     * artifact, or what kept it from being read.
     */
    public static String digest(List<String> versionsAndDigests) {
        MessageDigest digest = sha256();
        versionsAndDigests.forEach(v -> line(digest, v));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The digest of what {@code store} lists, with what the store found about it, for a source that only gives the store. */
    public static String digest(ChainStore store) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        try (ChainStore.Listing listing = store.list()) {
            if (listing.entries() != null) {
                for (var e : listing.entries().entrySet()) {
                    lines.add(e.getKey() + " " + e.getValue().name() + " " + DigestAlgorithm.SHA_256.hex(e.getValue().read()));
                }
            }
            for (ChainProblem p : listing.problems()) {
                lines.add("problem " + p);
            }
            for (String note : listing.notes()) {
                lines.add("note " + note);
            }
        }
        return digest(lines);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static void line(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private Path file(String key) {
        return directory.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    /** The cached row for {@code key}, or null when there is none or it does not authenticate. */
    public ProjectRow get(String key) {
        byte[] bytes;
        try {
            bytes = RegularFile.read(file(key), MAX_ENTRY_BYTES);
        } catch (IOException e) {
            return null;
        }
        int newline = indexOf(bytes, (byte) '\n');
        if (newline != 64) {
            return null;
        }
        byte[] content = java.util.Arrays.copyOfRange(bytes, newline + 1, bytes.length);
        byte[] expected = mac(key, content);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(new String(bytes, 0, newline, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return null;
        }
        try {
            JsonNode row = OrgReportJson.MAPPER.readTree(content);
            return OrgReportJson.readRow(row);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Records {@code row} under {@code key}; a cache that cannot be written only costs the next run time. */
    public void put(String key, ProjectRow row) {
        byte[] content = OrgReportJson.MAPPER.writeValueAsBytes(OrgReportJson.row(row, true));
        byte[] mac = HexFormat.of().formatHex(mac(key, content)).getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[mac.length + 1 + content.length];
        System.arraycopy(mac, 0, bytes, 0, mac.length);
        bytes[mac.length] = '\n';
        System.arraycopy(content, 0, bytes, mac.length + 1, content.length);
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            if (!Files.isSymbolicLink(file) && !Files.isSymbolicLink(file.getParent())
                    && (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))) {
                OutputFile.replace(file, bytes);
            }
        } catch (IOException e) {
            // Not cached: the next run verifies this chain again.
        }
    }

    private byte[] mac(String key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(key.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '\n');
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length && i < 100; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
