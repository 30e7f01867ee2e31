package dev.root24.worm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * The chain formed by the {@code root24-certification} entries deployed for one
 * {@code groupId:artifactId}, one per version: each release's entry continues from the newest
 * release entry before it ({@code prev} = SHA-512 of its payload, index one more), so the release
 * entries form one chain whose positions are write-once wherever the repository refuses
 * redeployment. A snapshot entry continues from the newest release entry too, but is only a
 * tentative head: a snapshot repository keeps only the latest deploy of each snapshot version in
 * its metadata and may delete or overwrite it, so no later entry depends on it.
 *
 * <p>Nothing is merged: two release entries at one index (two builds that continued from the same
 * entry) are a fork, reported with both versions; the chain's main line continues through the one
 * a later entry links to, else the newer. A deleted entry leaves its index empty, which the
 * verifier reports as a gap. The deploy, not this class, publishes an appended entry.
 */
public final class RepositoryChainStore implements ChainStore {

    private static final String SNAPSHOT = "-SNAPSHOT";
    /** What a Maven version is made of; anything else (a slash, "..") would be a path into the local repository. */
    private static final java.util.regex.Pattern PLAIN_VERSION = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+.-]{0,99}");
    /** How every fork problem begins. */
    public static final String FORK = "fork: ";

    /**
     * One version deployed for the subject, as the repository gave it.
     *
     * @param version the version as the repository's metadata lists it ({@code 1.2}, {@code 1.3-SNAPSHOT})
     * @param file its {@code root24-certification} entry as resolved, or null when it has none
     * @param bytes the entry's content when the caller already read it (bounded, not through a
     *     link), so that what it digested is exactly what is verified; null to read {@code file}
     */
    public record Deployed(String version, Path file, byte[] bytes) {
        public Deployed(String version, Path file) {
            this(version, file, null);
        }

        public boolean snapshot() {
            return version.endsWith(SNAPSHOT);
        }
    }

    /** One entry that parsed, with what placing it needs. */
    private record Parsed(String version, byte[] bytes, byte[] payload, ChainFields chain, String sha512) {
        boolean snapshot() {
            return version.endsWith(SNAPSHOT);
        }
    }

    private final String subject;
    private final String location;
    private final Clock clock;
    private final TreeMap<Long, Parsed> line = new TreeMap<>();
    private final List<ChainProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** The newest release entry on the main line, from which the next entry continues; null when there is none. */
    private Parsed head;

    private RepositoryChainStore(String subject, String location, Clock clock) {
        this.subject = subject;
        this.location = location;
        this.clock = clock;
    }

    /**
     * Reads every deployed entry (bounded, never through a link below {@code localRepository})
     * and lays out the chain.
     *
     * @param subject {@code groupId:artifactId}
     * @param repositories the repositories asked, for messages
     * @param localRepository where the resolver put the files; every file must lie below it
     * @param deployed every version the repositories list, with its entry when it has one
     */
    public static RepositoryChainStore of(String subject, String repositories, Path localRepository,
            List<Deployed> deployed, Clock clock) {
        RepositoryChainStore store = new RepositoryChainStore(subject,
                subject + " in " + repositories, clock);
        store.layOut(localRepository, deployed);
        return store;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public String entryName(long index) {
        return "no deployed certification";
    }

    /** The main line; the entries are already read, so the listing holds nothing. */
    @Override
    public Listing list() {
        TreeMap<Long, StoredEntry> entries = new TreeMap<>();
        line.forEach((index, p) -> entries.put(index, new Held(subject + ":" + p.version(), p.bytes())));
        return new Listing(Collections.unmodifiableNavigableMap(entries), problems, notes, null, null);
    }

    /**
     * Whether {@code version} may be resolved: the metadata that lists versions is written by
     * whoever deploys, and the resolver builds file paths from them.
     */
    public static boolean isPlainVersion(String version) {
        return version != null && PLAIN_VERSION.matcher(version).matches() && !version.contains("..");
    }

    /** The version whose entry the next one continues from, or null when none was deployed. */
    public String headVersion() {
        return head == null ? null : head.version();
    }

    /**
     * Builds the entry that continues from the newest release entry, with the checkpoint of the
     * main line it extends. Refused when that line has a gap: its Merkle tree, and so the
     * checkpoint, cannot be computed over a deleted entry.
     */
    @Override
    public WormStore.AppendedEntry append(CertificationRecord record, Signer signer) throws WormException {
        byte[] report = WormStore.canonicalReport(record);
        long next = head == null ? 0 : head.chain().index() + 1;
        MerkleTree tree = new MerkleTree();
        for (long i = 0; i < next; i++) {
            Parsed p = line.get(i);
            if (p == null) {
                throw new WormException(location + ": entry " + i + " is missing (deleted?); the chain cannot be"
                        + " continued over a gap, run root24:verify-chain");
            }
            tree.append(p.payload());
        }
        WormStore.NewEntry entry = WormStore.NewEntry.after(record, report, signer, next,
                head == null ? "" : head.sha512(), head == null ? null : head.chain().timestamp(), clock);
        tree.append(entry.payload());
        String origin = WormStore.ORIGIN_PREFIX + (next == 0 ? entry.chain().uuid() : line.get(0L).chain().uuid());
        String checkpoint = Checkpoint.sign(origin, tree.size(), tree.root(), signer).text();
        return new WormStore.AppendedEntry(next, null, entry.envelope(), checkpoint);
    }

    private void layOut(Path localRepository, List<Deployed> deployed) {
        TreeMap<Long, List<Parsed>> releases = new TreeMap<>();
        List<Parsed> snapshots = new ArrayList<>();
        List<String> without = new ArrayList<>();
        int invalid = 0;
        for (Deployed d : deployed) {
            if (!isPlainVersion(d.version())) {
                invalid++;
                continue;
            }
            if (d.file() == null) {
                without.add(d.version());
                continue;
            }
            Parsed p = parse(localRepository, d);
            if (p == null) {
                continue;
            }
            if (p.snapshot()) {
                snapshots.add(p);
            } else {
                releases.computeIfAbsent(p.chain().index(), i -> new ArrayList<>()).add(p);
            }
        }
        if (invalid > 0) {
            // Not quoted: the metadata may hold anything.
            problems.add(new ChainProblem(Outcome.FAIL, null, subject, "the repository's metadata lists " + invalid
                    + " version(s) that are not plain versions (path characters or over 100 characters); not resolved"));
        }
        if (!without.isEmpty()) {
            notes.add(without.size() + " deployed version(s) carry no certification (deployed before root24,"
                    + " or the certification was deleted; a deleted one shows as a gap): "
                    + String.join(", ", without.subList(0, Math.min(10, without.size())))
                    + (without.size() > 10 ? ", ..." : ""));
        }
        // From the newest index down, so that at a fork the branch a later entry extends is the main line.
        Parsed later = null;
        for (Map.Entry<Long, List<Parsed>> at : releases.descendingMap().entrySet()) {
            List<Parsed> candidates = at.getValue();
            Parsed chosen = choose(candidates, later);
            line.put(at.getKey(), chosen);
            if (candidates.size() > 1) {
                reportFork(at.getKey(), chosen, candidates, releases.get(at.getKey() - 1));
            }
            later = chosen;
        }
        head = line.isEmpty() ? null : line.lastEntry().getValue();
        placeLatestSnapshot(snapshots);
    }

    /** The candidate the later main-line entry links to, else the newest; ties by version text, so the choice is stable. */
    private static Parsed choose(List<Parsed> candidates, Parsed later) {
        if (later != null) {
            for (Parsed p : candidates) {
                if (p.sha512().equals(later.chain().prev())) {
                    return p;
                }
            }
        }
        return candidates.stream().max(Comparator.comparing((Parsed p) -> p.chain().timestamp())
                .thenComparing(Parsed::version)).orElseThrow();
    }

    private void reportFork(long index, Parsed chosen, List<Parsed> candidates, List<Parsed> parents) {
        List<String> versions = candidates.stream().map(Parsed::version).sorted().toList();
        List<String> others = candidates.stream().filter(p -> p != chosen).map(Parsed::version).sorted().toList();
        String from = "";
        if (parents != null) {
            List<String> shared = parents.stream().filter(parent -> candidates.stream()
                    .allMatch(c -> c.chain().prev().equals(parent.sha512()))).map(Parsed::version).toList();
            if (!shared.isEmpty()) {
                from = ", all continuing from " + shared.get(0) + " (entry " + (index - 1) + ")";
            }
        }
        problems.add(new ChainProblem(Outcome.WARN, index, subject + ":" + chosen.version(), FORK + "versions "
                + String.join(", ", versions) + " all hold entry " + index + from + " (builds that continued from the"
                + " same entry; nothing is merged): the chain continues through " + chosen.version() + ", and "
                + String.join(", ", others) + (others.size() == 1 ? " is a side branch" : " are side branches")
                + " no later entry extends"));
    }

    /**
     * The newest snapshot entry, when it continues from the head, is the tentative next entry and is
     * verified with the chain; an older one is a note; one that continues from nothing in the chain is a WARN.
     */
    private void placeLatestSnapshot(List<Parsed> snapshots) {
        Parsed latest = snapshots.stream().max(Comparator.comparing((Parsed p) -> p.chain().timestamp())).orElse(null);
        if (latest == null) {
            return;
        }
        long expected = head == null ? 0 : head.chain().index() + 1;
        String expectedPrev = head == null ? "" : head.sha512();
        if (latest.chain().index() == expected && latest.chain().prev().equals(expectedPrev)) {
            line.put(expected, latest);
            notes.add(latest.version() + " holds the tentative entry " + expected + ": a snapshot repository may delete"
                    + " or overwrite it, so the next entry continues from the newest release instead");
            return;
        }
        Parsed parent = line.get(latest.chain().index() - 1);
        if (parent != null && parent.sha512().equals(latest.chain().prev()) || latest.chain().index() == 0
                && latest.chain().prev().isEmpty()) {
            notes.add(latest.version() + "'s certification (entry " + latest.chain().index() + ") was built before the"
                    + " newest release certification and is not part of the chain");
        } else {
            problems.add(new ChainProblem(Outcome.WARN, latest.chain().index(), subject + ":" + latest.version(),
                    "the latest snapshot's certification continues from no entry of this chain (prev does not match"
                    + " entry " + (latest.chain().index() - 1) + ")"));
        }
    }

    private Parsed parse(Path localRepository, Deployed d) {
        String name = subject + ":" + d.version();
        byte[] bytes;
        try {
            Path link = linkBelow(localRepository, d.file());
            if (link != null) {
                problems.add(new ChainProblem(Outcome.FAIL, null, name, "its resolved certification lies under a"
                        + " symbolic link (" + localRepository.relativize(link) + "): repository files are never followed"));
                return null;
            }
            bytes = d.bytes() != null ? d.bytes() : RegularFile.read(d.file(), WormStore.MAX_ENTRY_BYTES);
        } catch (RegularFile.Refused e) {
            problems.add(new ChainProblem(Outcome.FAIL, null, name, "certification " + e.getMessage()));
            return null;
        } catch (NoSuchFileException e) {
            problems.add(new ChainProblem(Outcome.FAIL, null, name, "certification vanished while being read"));
            return null;
        } catch (IOException e) {
            problems.add(new ChainProblem(Outcome.FAIL, null, name, "certification cannot be read ("
                    + e.getClass().getSimpleName() + ")"));
            return null;
        }
        DsseEnvelope envelope;
        ChainFields chain;
        JsonNode certification;
        try {
            envelope = DsseEnvelope.parse(bytes);
            chain = EntryStatement.chainFields(envelope.payload());
            certification = CanonicalJson.parse(envelope.payload()).path("predicate").path("certification");
        } catch (IllegalArgumentException e) {
            problems.add(new ChainProblem(Outcome.FAIL, null, name, "not a root24 certification: "
                    + CanonicalJson.describe(e, "DSSE envelope carrying an in-toto Statement")));
            return null;
        }
        // A team deploys its attachments itself: another project's entry attached here is not this chain's.
        String project = certification.path("project").asString(null);
        String expected = subject + ":" + d.version();
        if (!expected.equals(project)) {
            problems.add(new ChainProblem(Outcome.FAIL, chain.index(), name, "the deployed certification certifies "
                    + (project == null ? "no project" : "another project or version") + ", not " + expected));
            return null;
        }
        return new Parsed(d.version(), bytes, envelope.payload(), chain, DigestAlgorithm.SHA_512.hex(envelope.payload()));
    }

    /** The first symbolic link from {@code root} (exclusive) down to {@code file}, or null; a file outside root counts as its own link. */
    static Path linkBelow(Path root, Path file) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path target = file.toAbsolutePath().normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new RegularFile.Refused("lies outside the repository it was resolved into");
        }
        Path current = base;
        for (Path part : base.relativize(target)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                return current;
            }
        }
        return null;
    }

    /** An entry already read into memory. */
    private record Held(String name, byte[] bytes) implements StoredEntry {
        @Override
        public byte[] read() {
            return bytes.clone();
        }
    }

    /** For tests: the main line's versions by index. */
    NavigableMap<Long, String> mainLine() {
        TreeMap<Long, String> versions = new TreeMap<>();
        line.forEach((i, p) -> versions.put(i, p.version()));
        return versions;
    }
}
