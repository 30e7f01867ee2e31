package dev.root24.worm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.root24.score.ScorePoint;
import tools.jackson.databind.JsonNode;

/**
 * The score history a store records: one {@link ScorePoint} per readable entry, in chain order,
 * each marked with what verification says of it. The scores are what each entry claims; only a
 * {@link ScorePoint.Trust#VERIFIED} point is backed by a trusted signature, and an entry that
 * fails verification is kept, marked {@link ScorePoint.Trust#FAILED}, so a reader sees that it
 * was there rather than a smooth line over it.
 *
 * @param points one per entry whose scores could be read, by index
 * @param unreadable entries present but unreadable (damaged, oversized, a link, no scores): not plotted
 * @param verification the store's verification, which decides each point's trust
 */
public record ChainHistory(List<ScorePoint> points, long unreadable, ChainVerification verification) {

    private static final Pattern ENTRY_NAME = Pattern.compile("entry-(\\d{10})\\.dsse\\.json");

    public ChainHistory {
        points = List.copyOf(points);
    }

    /**
     * Verifies {@code store} against {@code trustedKeys} and reads the scores of its entries. A
     * missing store is an empty history (its verification says why).
     */
    public static ChainHistory read(Path store, List<TrustedKey> trustedKeys) {
        ChainVerification verification = new ChainVerifier(trustedKeys, null, Set.of()).verify(store);
        Set<Long> failed = new HashSet<>();
        for (ChainProblem problem : verification.problems(Outcome.FAIL)) {
            if (problem.index() != null) {
                failed.add(problem.index());
            }
        }
        TreeMap<Long, Path> files = new TreeMap<>();
        if (Files.isDirectory(store)) {
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(store, "entry-*.dsse.json")) {
                for (Path p : listing) {
                    Matcher m = ENTRY_NAME.matcher(p.getFileName().toString());
                    if (m.matches()) {
                        files.put(Long.parseLong(m.group(1)), p);
                    }
                }
            } catch (IOException e) {
                // The verification already reports the store as unlistable.
            }
        }
        List<ScorePoint> points = new ArrayList<>();
        long unreadable = 0;
        for (var entry : files.entrySet()) {
            ScorePoint.Trust trust = failed.contains(entry.getKey()) ? ScorePoint.Trust.FAILED
                    : trustedKeys.isEmpty() ? ScorePoint.Trust.UNCHECKED : ScorePoint.Trust.VERIFIED;
            ScorePoint point = point(entry.getKey(), entry.getValue(), trust);
            if (point == null) {
                unreadable++;
            } else {
                points.add(point);
            }
        }
        return new ChainHistory(points, unreadable, verification);
    }

    /**
     * The history of whatever {@code store} lists, with the points' trust taken from
     * {@code verification} (of the same store, already made: verifying twice would double the cost).
     *
     * @param checked whether {@code verification} checked signatures against trusted keys
     */
    public static ChainHistory of(ChainStore store, ChainVerification verification, boolean checked) {
        Set<Long> failed = new HashSet<>();
        for (ChainProblem problem : verification.problems(Outcome.FAIL)) {
            if (problem.index() != null) {
                failed.add(problem.index());
            }
        }
        List<ScorePoint> points = new ArrayList<>();
        long unreadable = 0;
        try (ChainStore.Listing listing = store.list()) {
            if (listing.entries() != null) {
                for (var entry : listing.entries().entrySet()) {
                    ScorePoint.Trust trust = failed.contains(entry.getKey()) ? ScorePoint.Trust.FAILED
                            : checked ? ScorePoint.Trust.VERIFIED : ScorePoint.Trust.UNCHECKED;
                    ScorePoint point;
                    try {
                        point = point(entry.getKey(), entry.getValue().read(), trust);
                    } catch (IOException e) {
                        point = null;
                    }
                    if (point == null) {
                        unreadable++;
                    } else {
                        points.add(point);
                    }
                }
            }
        }
        return new ChainHistory(points, unreadable, verification);
    }

    /** The entry's claimed scores, or null when it has none that make sense. */
    private static ScorePoint point(long index, Path file, ScorePoint.Trust trust) {
        try {
            return point(index, RegularFile.read(file, WormStore.MAX_ENTRY_BYTES), trust);
        } catch (IOException e) {
            return null;
        }
    }

    private static ScorePoint point(long index, byte[] bytes, ScorePoint.Trust trust) {
        try {
            byte[] payload = DsseEnvelope.parse(bytes).payload();
            Instant time = EntryStatement.chainFields(payload).timestamp();
            JsonNode cert = CanonicalJson.parse(payload).path("predicate").path("certification");
            JsonNode phases = cert.path("phaseScores");
            return new ScorePoint(index, time, score(cert.path("overallScore")),
                    score(phases.path("static_analysis")), score(phases.path("dynamic_execution")),
                    score(phases.path("audit_proof")), trust);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int score(JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("not a score");
        }
        return node.intValue();
    }

    /** How many points have {@code trust}. */
    public long count(ScorePoint.Trust trust) {
        return points.stream().filter(p -> p.trust() == trust).count();
    }
}
