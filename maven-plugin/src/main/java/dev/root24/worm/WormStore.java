package dev.root24.worm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An append-only directory of chain entries, one file per entry ({@code entry-0000000000.dsse.json},
 * ...), plus the latest {@code checkpoint}.
 *
 * <p>Write-once does not depend on the lock: an entry is written to a temporary file in
 * {@code .incoming/}, forced to disk, then hard-linked to its final name, which fails if that name
 * exists; the directory is forced after the link. A crash at any instant therefore leaves either
 * the whole entry under its name or nothing. The lock ({@code .lock}, an OS file lock that works
 * across processes, plus an in-process lock because the OS lock is per JVM) only makes concurrent
 * appenders take turns, so they build one linear chain instead of racing and retrying.
 */
public final class WormStore implements ChainStore {

    public static final String CHECKPOINT_FILE = "checkpoint";
    static final String LOCK_FILE = ".lock";
    static final String INCOMING_DIR = ".incoming";
    static final String ORIGIN_PREFIX = "root24.dev/worm/";
    /** Entries hold digests, not reports, so a few kB; anything far larger is not an entry. */
    public static final long MAX_ENTRY_BYTES = 1 << 20;
    static final int MAX_JUNK_NAMES = 10;
    private static final long LOCK_WAIT_MILLIS = 10_000;
    private static final Pattern ENTRY_NAME = Pattern.compile("entry-(\\d{10})\\.dsse\\.json");

    private static final Map<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();
    private static final int LINK_ATTEMPTS = 16;

    /** Whether appends force data to disk; {@link #NO_FSYNC} is for generating test and benchmark chains only. */
    public enum Durability {
        FSYNC,
        NO_FSYNC
    }

    /** What an append produced: the entry's index, file and bytes, and the new checkpoint's text. */
    public record AppendedEntry(long index, Path file, byte[] envelope, String checkpoint) {
    }

    private final Path directory;
    private final Durability durability;
    private final Clock clock;

    // The head as this instance last saw it; refreshed under the lock before every append.
    private long nextIndex;
    private String prevPayloadSha512 = "";
    private Instant prevTimestamp;
    private String origin;
    private final MerkleTree tree = new MerkleTree();

    private WormStore(Path directory, Durability durability, Clock clock) {
        this.directory = directory;
        this.durability = durability;
        this.clock = clock;
    }

    public static WormStore open(Path directory) throws WormException {
        return open(directory, Durability.FSYNC, Clock.systemUTC());
    }

    public static WormStore open(Path directory, Durability durability, Clock clock) throws WormException {
        try {
            Files.createDirectories(directory);
            Path real = directory.toRealPath();
            try {
                Files.createDirectory(real.resolve(INCOMING_DIR));
            } catch (FileAlreadyExistsException e) {
                // Judged by the verifier and refused by append, not here: the verification that
                // runs before an append should get to report it.
            }
            return new WormStore(real, durability, clock);
        } catch (IOException e) {
            throw new WormException(directory + ": cannot create the WORM store directory ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The store at {@code directory} as it is, for reading: nothing is created, so verifying a
     * path that is not a store reports it instead of making one.
     */
    public static WormStore at(Path directory) {
        return new WormStore(directory, Durability.FSYNC, Clock.systemUTC());
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public String entryName(long index) {
        return entryFileName(index);
    }

    /** Entry files by their number, under the shared {@link ReadHold}. */
    @Override
    public Listing list() {
        ReadHold hold = holdForReading(directory, LOCK_WAIT_MILLIS);
        List<ChainProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!hold.held() && Files.isRegularFile(directory.resolve(LOCK_FILE), LinkOption.NOFOLLOW_LINKS)) {
            notes.add("the store's lock could not be taken within " + LOCK_WAIT_MILLIS / 1000 + " s, so an append"
                    + " may have run during verification; if a problem names the newest entries, verify again");
        }
        if (!Files.isDirectory(directory)) {
            problems.add(new ChainProblem(Outcome.FAIL, null, null, directory + ": not a directory"));
            return new Listing(null, problems, notes, null, hold);
        }
        TreeMap<Long, StoredEntry> files = new TreeMap<>();
        // Only the first few unexpected names are kept: a store stuffed with junk must not turn
        // into a report of the same size.
        TreeSet<String> junkShown = new TreeSet<>();
        long junk = 0;
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
            for (Path p : listing) {
                String name = p.getFileName().toString();
                Matcher m = ENTRY_NAME.matcher(name);
                if (m.matches()) {
                    files.put(Long.parseLong(m.group(1)), new EntryFile(p, name));
                } else if (name.equals(CHECKPOINT_FILE) || name.equals(LOCK_FILE)) {
                    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        problems.add(new ChainProblem(Outcome.FAIL, null, name, "is " + describeNonRegular(p)
                                + " where the store's own file belongs: store files are never followed"));
                    }
                } else if (name.equals(INCOMING_DIR)) {
                    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        problems.add(new ChainProblem(Outcome.FAIL, null, name, "is " + describeNonRegular(p)
                                + " where the store's own directory belongs: an append would write through it"));
                    }
                } else {
                    junk++;
                    junkShown.add(name);
                    if (junkShown.size() > MAX_JUNK_NAMES) {
                        junkShown.pollLast();
                    }
                }
            }
        } catch (IOException e) {
            problems.add(new ChainProblem(Outcome.FAIL, null, null, directory + ": cannot list ("
                    + e.getClass().getSimpleName() + ")"));
            return new Listing(null, problems, notes, null, hold);
        }
        if (junk == 1) {
            problems.add(new ChainProblem(Outcome.WARN, null, junkShown.first(), "unexpected file in the store"));
        } else if (junk > 1) {
            String shown = String.join(", ", junkShown);
            problems.add(new ChainProblem(Outcome.WARN, null, null, junk + " unexpected files in the store"
                    + (junk > junkShown.size() ? ", first " + junkShown.size() + " by name: " : ": ") + shown));
        }
        long count = files.isEmpty() ? 0 : files.lastKey() + 1;
        Checkpoint checkpoint = readStoreCheckpoint(directory, count, problems);
        return new Listing(files, problems, notes, checkpoint, hold);
    }

    /** An entry file, read bounded and never through a link. */
    private record EntryFile(Path file, String name) implements StoredEntry {
        @Override
        public byte[] read() throws IOException {
            return RegularFile.read(file, MAX_ENTRY_BYTES);
        }
    }


    /** The file name of entry {@code index}: ten digits, so name order is chain order. */
    public static String entryFileName(long index) {
        return String.format("entry-%010d.dsse.json", index);
    }

    /**
     * Appends one certification as the next entry, signed by {@code signer} (or marked unsigned),
     * and rewrites the checkpoint. Safe against concurrent appenders in this and other processes.
     */
    @Override
    public AppendedEntry append(CertificationRecord record, Signer signer) throws WormException {
        byte[] canonicalReport = canonicalReport(record);
        ReentrantLock local = IN_PROCESS_LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
        local.lock();
        requireNoLink(directory.resolve(LOCK_FILE), LOCK_FILE);
        try (FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS); FileLock ignored = lockChannel.lock()) {
            requireIncoming(directory);
            clearIncoming();
            for (int attempt = 0; attempt < LINK_ATTEMPTS; attempt++) {
                refreshHead();
                NewEntry next = NewEntry.after(record, canonicalReport, signer, nextIndex, prevPayloadSha512,
                        prevTimestamp, clock);
                ChainFields chain = next.chain();
                byte[] payload = next.payload();
                byte[] envelope = next.envelope();
                Path target = directory.resolve(entryFileName(nextIndex));
                if (writeOnce(target, envelope)) {
                    accept(chain, payload);
                    String checkpoint = writeCheckpoint(signer);
                    return new AppendedEntry(chain.index(), target, envelope, checkpoint);
                }
                if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                    // A dangling link or a FIFO holds the name: no number of retries gets past it.
                    throw new WormException(target + ": " + describeNonRegular(target)
                            + " holds the name of the next entry; refusing to append, run root24:verify-chain");
                }
                // Someone who ignored the lock (e.g. a file system without working locks) got there
                // first: their entry stands, we re-read the head and try the next index.
            }
            throw new WormException(directory + ": could not append after " + LINK_ATTEMPTS
                    + " attempts; other writers keep taking the next index");
        } catch (IOException e) {
            throw new WormException(directory + ": cannot append to the WORM store (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + oneLine(e.getMessage()) : "") + ")");
        } finally {
            local.unlock();
        }
    }

    /** The report's RFC 8785 form, which the entry's digests cover. */
    static byte[] canonicalReport(CertificationRecord record) throws WormException {
        try {
            return CanonicalJson.canonicalize(record.reportJson());
        } catch (IllegalArgumentException e) {
            throw new WormException("report.json: " + CanonicalJson.describe(e, "JSON document"));
        }
    }

    /**
     * The entry that follows a head, whichever store holds it: the given index and {@code prev},
     * a timestamp strictly after the head's (the clock's, or one microsecond later), a fresh UUID,
     * the report's digests and the signers' declaration, signed over the DSSE PAE.
     */
    record NewEntry(ChainFields chain, byte[] payload, byte[] envelope) {
        static NewEntry after(CertificationRecord record, byte[] canonicalReport, Signer signer, long index, String prev,
                Instant prevTimestamp, Clock clock) {
            List<ChainFields.DeclaredSigner> declared = new ArrayList<>();
            for (SigningKey key : signer.keys()) {
                declared.add(new ChainFields.DeclaredSigner(key.algorithm(), key.keyId()));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Instant timestamp = prevTimestamp != null && !now.isAfter(prevTimestamp)
                    ? prevTimestamp.plus(1, ChronoUnit.MICROS) : now;
            ChainFields chain = new ChainFields(index, timestamp, prev, UUID.randomUUID().toString(),
                    DigestAlgorithm.SHA_512.hex(canonicalReport), DigestAlgorithm.BLAKE2B_256.hex(canonicalReport), declared);
            byte[] payload = EntryStatement.payload(record, chain);
            return new NewEntry(chain, payload, DsseEnvelope.sign(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, payload, signer).toJson());
        }
    }

    /**
     * A shared hold on the store for a reader: while held, no append (which holds the exclusive
     * lock from reading the head to replacing the checkpoint) runs, so listing, checkpoint and
     * entries are one snapshot. {@code held} is false when the lock could not be had in time
     * (a writer that never lets go must not hang the reader) or the store has no lock file.
     */
    public static final class ReadHold implements AutoCloseable {
        private final ReentrantLock local;
        private final FileChannel channel;
        private final boolean held;

        private ReadHold(ReentrantLock local, FileChannel channel, boolean held) {
            this.local = local;
            this.channel = channel;
            this.held = held;
        }

        public boolean held() {
            return held;
        }

        @Override
        public void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // Closing releases the lock; nothing else to do when the close itself fails.
            } finally {
                if (local != null) {
                    local.unlock();
                }
            }
        }
    }

    /** Takes the {@link ReadHold} on {@code store}, waiting at most {@code waitMillis}. */
    public static ReadHold holdForReading(Path store, long waitMillis) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        Path real;
        try {
            real = store.toRealPath();
        } catch (IOException e) {
            return new ReadHold(null, null, false);
        }
        Path lockFile = real.resolve(LOCK_FILE);
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            return new ReadHold(null, null, false);
        }
        ReentrantLock local = IN_PROCESS_LOCKS.computeIfAbsent(real, d -> new ReentrantLock());
        try {
            if (!local.tryLock(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return new ReadHold(null, null, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ReadHold(null, null, false);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            while (true) {
                if (channel.tryLock(0, Long.MAX_VALUE, true) != null) {
                    return new ReadHold(local, channel, true);
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(5);
            }
        } catch (IOException | RuntimeException e) {
            // e.g. a file system without locks: verify without the hold, and say so.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ReadHold none = new ReadHold(local, channel, false);
        return none;
    }

    /**
     * Refuses to extend a chain whose verification failed: an owner-signed entry and checkpoint on
     * top of a forged or damaged history would vouch for it.
     *
     * @param verification the verification of this store taken before the append
     * @param report where that verification was written, for the message
     */
    public static void requireAppendable(ChainVerification verification, Path store, Path report) throws WormException {
        requireAppendable(verification, at(store), report);
    }

    /** As {@link #requireAppendable(ChainVerification, Path, Path)}, for either kind of store. */
    public static void requireAppendable(ChainVerification verification, ChainStore store, Path report) throws WormException {
        List<ChainProblem> failures = verification.problems(Outcome.FAIL);
        if (failures.isEmpty()) {
            return;
        }
        String recovery = store instanceof WormStore
                ? "Keep this store unchanged as evidence and point wormStore at a new, empty directory to start a new chain."
                // A repository cannot be swapped for an empty one: what was deleted has to come back.
                : "Restore the deleted or damaged certification in the repository (the deploying build's"
                        + " target/root24/certification.dsse.json, or the repository manager's trash or backup holds"
                        + " its bytes); the chain is never continued over the damage.";
        throw new WormException("not appending to " + store.location() + ": its chain fails verification (" + failures.get(0)
                + (failures.size() > 1 ? "; " + failures.size() + " failures in all" : "") + ", see " + report
                + "). An entry signed on top would vouch for that history. " + recovery);
    }

    /** Reads entries other writers appended since this instance last looked. */
    private void refreshHead() throws WormException {
        while (true) {
            Path file = directory.resolve(entryFileName(nextIndex));
            byte[] bytes;
            try {
                bytes = RegularFile.read(file, MAX_ENTRY_BYTES);
            } catch (NoSuchFileException e) {
                return;
            } catch (RegularFile.Refused e) {
                throw new WormException(file + ": existing entry " + e.getMessage() + "; refusing to extend the"
                        + " chain, run root24:verify-chain");
            } catch (IOException e) {
                throw new WormException(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
            }
            ChainFields chain;
            byte[] payload;
            try {
                payload = DsseEnvelope.parse(bytes).payload();
                chain = EntryStatement.chainFields(payload);
            } catch (IllegalArgumentException e) {
                throw new WormException(file + ": existing entry is damaged (" + CanonicalJson.describe(e, "DSSE envelope")
                        + "); refusing to extend the chain, run root24:verify-chain");
            }
            if (chain.index() != nextIndex) {
                throw new WormException(file + ": existing entry says index " + chain.index()
                        + "; refusing to extend the chain, run root24:verify-chain");
            }
            accept(chain, payload);
        }
    }

    private void accept(ChainFields chain, byte[] payload) {
        if (chain.index() == 0) {
            origin = ORIGIN_PREFIX + chain.uuid();
        }
        prevPayloadSha512 = DigestAlgorithm.SHA_512.hex(payload);
        prevTimestamp = chain.timestamp();
        tree.append(payload);
        nextIndex = chain.index() + 1;
    }

    private static Checkpoint readStoreCheckpoint(Path store, long count, List<ChainProblem> problems) {
        Path file = store.resolve(CHECKPOINT_FILE);
        try {
            return Checkpoint.parse(RegularFile.read(file, Checkpoint.MAX_BYTES), CHECKPOINT_FILE);
        } catch (RegularFile.Refused e) {
            // A link or FIFO here is already a FAIL from the listing; a size problem is not.
            if (!RegularFile.existsNoFollow(file) || Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new ChainProblem(Outcome.FAIL, null, CHECKPOINT_FILE, e.getMessage()));
            }
        } catch (NoSuchFileException e) {
            if (count > 0) {
                problems.add(new ChainProblem(Outcome.WARN, null, CHECKPOINT_FILE,
                        "the store has no checkpoint: truncation of the newest entries cannot be detected from the store alone"));
            }
        } catch (IOException e) {
            problems.add(new ChainProblem(Outcome.FAIL, null, CHECKPOINT_FILE, "cannot read ("
                    + e.getClass().getSimpleName() + ")"));
        } catch (WormException e) {
            problems.add(new ChainProblem(Outcome.FAIL, null, CHECKPOINT_FILE, e.getMessage()));
        }
        return null;
    }

    /** Temporary file, fsync, hard link (fails if the name exists), directory fsync. */
    private boolean writeOnce(Path target, byte[] bytes) throws IOException {
        Path temp = directory.resolve(INCOMING_DIR).resolve("entry-" + UUID.randomUUID() + ".tmp");
        writeAndForce(temp, bytes);
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            throw new IOException("the file system of the store does not support hard links, which write-once needs");
        } finally {
            Files.deleteIfExists(temp);
            forceDirectory(directory);
        }
    }

    /** The checkpoint is derived data (recomputable from the entries), so it is replaced atomically. */
    private String writeCheckpoint(Signer signer) throws IOException {
        String text = Checkpoint.sign(origin, tree.size(), tree.root(), signer).text();
        Path temp = directory.resolve(INCOMING_DIR).resolve("checkpoint-" + UUID.randomUUID() + ".tmp");
        writeAndForce(temp, text.getBytes(StandardCharsets.UTF_8));
        Files.move(temp, directory.resolve(CHECKPOINT_FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(directory);
        return text;
    }

    private void writeAndForce(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (durability == Durability.FSYNC) {
                channel.force(true);
            }
        }
    }

    private void forceDirectory(Path dir) {
        if (durability == Durability.NO_FSYNC) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory for forcing; the link itself is atomic there.
        }
    }

    /**
     * {@code .incoming} must be a real directory of the store: were it a link, clearing it would
     * delete another directory's files and the entry would be written there.
     */
    private static void requireIncoming(Path store) throws IOException, WormException {
        Path incoming = store.resolve(INCOMING_DIR);
        try {
            Files.createDirectory(incoming);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(incoming, LinkOption.NOFOLLOW_LINKS)) {
                throw new WormException(incoming + ": " + describeNonRegular(incoming)
                        + " where the store's own directory belongs; refusing to use it (remove it)");
            }
        }
    }

    /** The lock file is opened for writing: a link there would create or truncate a file elsewhere. */
    private static void requireNoLink(Path file, String name) throws WormException {
        if (Files.isSymbolicLink(file)) {
            throw new WormException(file + ": " + name + " is a symbolic link; the store never follows links"
                    + " (remove it)");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new WormException(file + ": " + name + " is not a regular file; refusing to open it (remove it)");
        }
    }

    static String describeNonRegular(Path file) {
        if (Files.isSymbolicLink(file)) {
            return Files.exists(file) ? "a symbolic link" : "a dangling symbolic link";
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return "a directory";
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "a regular file";
        }
        return "a special file (FIFO, socket or device)";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /** Under the lock, anything left in .incoming is from a writer that died mid-append. */
    private void clearIncoming() throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(directory.resolve(INCOMING_DIR))) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
    }
}
