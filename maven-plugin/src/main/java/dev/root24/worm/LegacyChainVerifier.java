package dev.root24.worm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Verifies the seed's legacy WORM layout: one JSON file per verification holding {@code result}
 * and {@code worm_signature} ({@code sha512}, {@code blake2b}, {@code timestamp}, ...). The rules
 * are the seed's own: {@code sha512} is SHA-512 and {@code blake2b} BLAKE2b-256 over {@code result}
 * as Python's {@code json.dumps(sort_keys=True, ensure_ascii=True, separators=(",", ":"))} wrote it,
 * and timestamps rise strictly in file-name order.
 *
 * <p>Those rules prove less than the layout's name suggests, and the result says so in
 * {@link ChainVerification#limits()}: the entries are not linked, so deleting or re-ordering
 * entries (with rising timestamps) passes, and nothing is signed, so nothing proves who wrote them.
 */
public final class LegacyChainVerifier {

    /** What no legacy store can prove; every legacy verification carries these. */
    public static final List<String> LIMITS = List.of(
            "Legacy entries are not linked to each other: a deleted entry goes unnoticed as long as the"
                    + " remaining timestamps still rise.",
            "Legacy entries are not linked to each other: re-ordered or back-dated entries whose timestamps"
                    + " still rise in file-name order go unnoticed.",
            "Legacy entries carry no signature (the 'algorithm' field names a scheme that was never applied): anyone who can"
                    + " write the directory can add or rewrite an entry and recompute its digests, so nothing"
                    + " proves who wrote it.");

    private static final long MAX_FILE_BYTES = 16L << 20;

    public ChainVerification verify(Path store) {
        List<ChainProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(store)) {
            problems.add(new ChainProblem(Outcome.FAIL, null, null, store + ": not a directory"));
            return new ChainVerification("legacy", store.toString(), 0, 0, problems, notes, LIMITS);
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(store, "*.json")) {
            listing.forEach(files::add);
        } catch (IOException e) {
            problems.add(new ChainProblem(Outcome.FAIL, null, null, store + ": cannot list (" + e.getClass().getSimpleName() + ")"));
            return new ChainVerification("legacy", store.toString(), 0, 0, problems, notes, LIMITS);
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        Instant previous = null;
        String previousName = null;
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getFileName().toString();
            // 0-based like the problem's index, so "entry 9" and its position never disagree.
            String position = "index " + i + " of 0.." + (files.size() - 1) + " in file-name order";
            Instant timestamp = checkEntry(files.get(i), i, name, position, problems);
            if (timestamp != null) {
                if (previous != null && !timestamp.isAfter(previous)) {
                    problems.add(new ChainProblem(Outcome.FAIL, (long) i, name, position + ": timestamp does not rise"
                            + " above that of " + previousName));
                }
                previous = timestamp;
                previousName = name;
            }
        }
        if (files.size() < 2) {
            problems.add(new ChainProblem(Outcome.WARN, null, null, "the store has " + files.size()
                    + " entries: fewer than two"));
        }
        problems.add(new ChainProblem(Outcome.WARN, null, null, "legacy entries are unsigned and unlinked:"
                + " digests and timestamps were checked; deletion, re-ordering and authorship cannot be"));
        notes.add("Checked: sha512 and blake2b of each entry's result (Python json.dumps form), timestamps"
                + " strictly rising in file-name order.");
        problems.sort((a, b) -> Long.compare(a.index() == null ? Long.MAX_VALUE : a.index(),
                b.index() == null ? Long.MAX_VALUE : b.index()));
        return new ChainVerification("legacy", store.toString(), files.size(), 0, problems, notes, LIMITS);
    }

    /**
     * The digests cover {@code result} only, so whoever edits it can recompute them; what the
     * entry repeats outside {@code result} then no longer agrees with it, and that is flagged.
     */
    private static void checkInnerConsistency(JsonNode result, JsonNode signature, String name, long i,
            String position, List<ChainProblem> problems) {
        JsonNode inner = result.path("summary").path("overall_score");
        JsonNode outer = signature.path("overall_score");
        if (inner.isNumber() && outer.isNumber() && inner.decimalValue().compareTo(outer.decimalValue()) != 0) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, position + ": worm_signature.overall_score does not"
                    + " match result.summary.overall_score (the result was edited and its digests recomputed?)"));
        }
        String uuid = signature.path("uuid").stringValue(null);
        if (uuid != null && name.matches(".*_[0-9a-fA-F-]{36}\\.json") && !name.endsWith("_" + uuid + ".json")) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, position
                    + ": worm_signature.uuid does not match the uuid in the file name"));
        }
    }

    private static Instant checkEntry(Path file, long i, String name, String position, List<ChainProblem> problems) {
        JsonNode root;
        try {
            root = CanonicalJson.parse(RegularFile.read(file, MAX_FILE_BYTES));
        } catch (RegularFile.Refused e) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, position + ": " + e.getMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, position + ": cannot read (" + e.getClass().getSimpleName() + ")"));
            return null;
        } catch (IllegalArgumentException e) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, position + ": " + CanonicalJson.describe(e, "JSON file")));
            return null;
        }
        JsonNode result = root.get("result");
        JsonNode signature = root.get("worm_signature");
        if (result == null || signature == null || !signature.isObject()) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, position + ": lacks 'result' or 'worm_signature'"));
            return null;
        }
        byte[] serialised;
        try {
            serialised = PythonJson.dumps(result);
        } catch (IllegalArgumentException e) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, position + ": result cannot be re-serialised: " + e.getMessage()));
            return null;
        }
        if (!DigestAlgorithm.SHA_512.hex(serialised).equals(signature.path("sha512").stringValue(null))) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, position
                    + ": worm_signature.sha512 does not match the result (edited after it was written)"));
        }
        if (!DigestAlgorithm.BLAKE2B_256.hex(serialised).equals(signature.path("blake2b").stringValue(null))) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, position
                    + ": worm_signature.blake2b does not match the result (edited after it was written)"));
        }
        checkInnerConsistency(result, signature, name, i, position, problems);
        String text = signature.path("timestamp").stringValue(null);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, position
                    + ": worm_signature.timestamp is not an ISO-8601 UTC instant"));
            return null;
        }
    }
}
