package dev.root24.site;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import dev.root24.report.JsonReport;
import dev.root24.worm.ChainHistory;
import dev.root24.worm.PemKeys;
import dev.root24.worm.RegularFile;
import dev.root24.worm.TrustedKey;
import dev.root24.worm.WormException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the site report shows: the latest {@code report.json} and the history of the chain that
 * certification was appended to, verified against the keys the reader trusts.
 *
 * @param report the parsed {@code report.json}
 * @param history the chain's score history
 * @param store the chain's directory, repository-relative where it lies inside the repository
 */
public record SiteReport(JsonNode report, ChainHistory history, String store) {

    /** A report.json is tens of kB; a file far larger is not one, and is not read into memory. */
    static final long MAX_REPORT_BYTES = 16L << 20;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /**
     * @param reportFile {@code report.json} as {@code certify} wrote it
     * @param root the repository root: relative stores and key files are resolved in it, and may not leave it
     * @param wormStore the chain's directory, or null for the one {@code report.json} names
     * @param trustedKeys repository-relative PEM public key files; only their signatures make a point verified
     * @throws PolicyException with one line naming the file, for a missing, oversized, linked or
     *     malformed report, a store or key outside the repository, or an unreadable key
     */
    public static SiteReport load(Path reportFile, Path root, String wormStore, List<String> trustedKeys)
            throws PolicyException {
        JsonNode report = readReport(reportFile);
        RepositoryRoot repository = RepositoryRoot.of(root);
        String configured = wormStore != null && !wormStore.isBlank() ? wormStore.strip()
                : report.path("inputs").path("worm").path("store").isString()
                        ? report.path("inputs").path("worm").path("store").stringValue() : "target/root24/worm";
        Path store;
        try {
            store = Path.of(configured).isAbsolute() ? Path.of(configured).normalize()
                    : repository.resolve(configured, "wormStore");
        } catch (java.nio.file.InvalidPathException e) {
            throw new PolicyException(reportFile + ": wormStore is not a valid path");
        }
        List<TrustedKey> keys = new ArrayList<>();
        for (String key : trustedKeys) {
            try {
                keys.addAll(PemKeys.readPublicKeys(repository.resolve(key, "trustedKeys")));
            } catch (WormException e) {
                throw new PolicyException(e.getMessage());
            }
        }
        return new SiteReport(report, ChainHistory.read(store, keys), repository.relativize(store));
    }

    private static JsonNode readReport(Path file) throws PolicyException {
        byte[] bytes;
        try {
            bytes = RegularFile.read(file, MAX_REPORT_BYTES);
        } catch (NoSuchFileException e) {
            throw new PolicyException(file + ": no certification report; run root24:certify (mvn verify) before the site");
        } catch (RegularFile.Refused e) {
            throw new PolicyException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        JsonNode report;
        try {
            report = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            // The parser's message quotes the input; say only where.
            long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            throw new PolicyException(file + ": not a JSON document" + (offset >= 0 ? " (at byte " + offset + ")" : ""));
        }
        if (!report.isObject() || !JsonReport.FORMAT.equals(report.path("format").asString(null))) {
            throw new PolicyException(file + ": not a certification report of format " + JsonReport.FORMAT
                    + "; run root24:certify again with this plugin version");
        }
        return report;
    }
}
