package dev.root24.rego;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;

/**
 * The {@code rego-migrate} logic: plans the mechanical fixes (package line, {@code contains},
 * {@code if}, {@code import rego.v1}) and applies them safely.
 *
 * <p>A file the analysis could not read is never changed. Applying writes each file through a
 * temporary file in the same directory and an atomic move, after keeping the original bytes
 * under {@code .backups/}: an interrupted run leaves every file either old or new. Planning again
 * after applying finds nothing to do.
 */
public final class RegoMigration {

    private final RegoPolicy policy;
    private final boolean syntax;

    /**
     * @param policy what to scan and the naming convention
     * @param syntax whether to rewrite the v1 forms as well as the package lines
     */
    public RegoMigration(RegoPolicy policy, boolean syntax) {
        this.policy = policy;
        this.syntax = syntax;
    }

    /** The edits for one source and what they change; no files involved. */
    public record SourcePlan(String rewritten, List<MigrationChange> changes, List<MigrationSkip> skipped) {}

    /** Plans the migration of every covered file under {@code rootDirectory}. */
    public MigrationPlan plan(Path rootDirectory) throws PolicyException {
        RepositoryRoot root = RepositoryRoot.of(rootDirectory);
        List<RegoFiles.Entry> entries = RegoFiles.find(root, policy);
        List<FileMigration> files = new ArrayList<>();
        List<MigrationSkip> skipped = new ArrayList<>();
        for (RegoFiles.Entry entry : entries) {
            if (entry.symbolicLink()) {
                skipped.add(new MigrationSkip(entry.relative(), 0, "symbolic link, not followed"));
                continue;
            }
            RegoSourceFile source;
            try {
                source = RegoSourceFile.read(entry.path());
            } catch (IOException e) {
                skipped.add(new MigrationSkip(entry.relative(), 0, "cannot be read (" + e.getClass().getSimpleName() + ")"));
                continue;
            } catch (RegoAnalysisException e) {
                skipped.add(new MigrationSkip(entry.relative(), e.line(), "could not analyse: " + e.reason()));
                continue;
            }
            SourcePlan plan = planSource(entry.relative(), source.text());
            skipped.addAll(plan.skipped());
            if (!plan.changes().isEmpty()) {
                files.add(new FileMigration(entry.path(), entry.relative(), source.bytes(),
                        RegoSourceFile.encode(plan.rewritten()), plan.changes()));
            }
        }
        skipped.sort(Comparator.comparing(MigrationSkip::file).thenComparingInt(MigrationSkip::line));
        return new MigrationPlan(root.directory(), entries.size(), files, skipped);
    }

    /** Plans the migration of one source text. */
    public SourcePlan planSource(String relative, String text) {
        RegoAnalysis analysis;
        try {
            analysis = RegoAnalyzer.analyse(text);
        } catch (RegoAnalysisException e) {
            return new SourcePlan(text, List.of(), List.of(new MigrationSkip(relative, e.line(), "could not analyse: " + e.reason())));
        }
        List<TextEdit> edits = new ArrayList<>();
        List<MigrationSkip> skipped = new ArrayList<>();
        PackageNaming naming = policy.naming();
        Optional<String> module = naming.moduleOf(Path.of(relative));
        String expected = naming.expected(module);
        Optional<PackageDeclaration> pkg = analysis.packageDeclaration();
        if (pkg.isEmpty()) {
            skipped.add(new MigrationSkip(relative, 1, "no package statement; add 'package "
                    + (expected.isEmpty() ? "<name>" : expected) + "' by hand"));
        } else if (!PackageNaming.conforms(pkg.get().path(), expected)) {
            Optional<String> fixed = naming.rewrite(pkg.get().path(), module);
            if (fixed.isPresent()) {
                edits.add(new TextEdit(pkg.get().pathStart(), pkg.get().pathEnd(), fixed.get()));
            } else {
                skipped.add(new MigrationSkip(relative, pkg.get().line(), "package " + pkg.get().path()
                        + " names no module; rename it by hand to start with " + expected));
            }
        }
        if (syntax) {
            edits.addAll(analysis.v1Edits());
        }
        if (edits.isEmpty()) {
            return new SourcePlan(text, List.of(), skipped);
        }
        return new SourcePlan(TextEdit.apply(text, edits), changes(relative, text, edits), skipped);
    }

    /** Groups edits by the lines they touch and renders each group before and after. */
    private static List<MigrationChange> changes(String relative, String text, List<TextEdit> edits) {
        LineIndex lines = new LineIndex(text);
        List<TextEdit> sorted = edits.stream().sorted(Comparator.comparingInt(TextEdit::start)).toList();
        List<MigrationChange> changes = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int firstLine = lines.lineOf(sorted.get(i).start());
            int lastLine = lastLine(lines, sorted.get(i));
            List<TextEdit> group = new ArrayList<>(List.of(sorted.get(i)));
            i++;
            while (i < sorted.size() && lines.lineOf(sorted.get(i).start()) <= lastLine) {
                lastLine = Math.max(lastLine, lastLine(lines, sorted.get(i)));
                group.add(sorted.get(i));
                i++;
            }
            int from = lines.lineStart(firstLine);
            int to = lines.nextLineStart(lastLine);
            String before = text.substring(from, to);
            List<TextEdit> shifted = group.stream()
                    .map(e -> new TextEdit(e.start() - from, Math.min(e.end(), to) - from, e.replacement())).toList();
            String after = TextEdit.apply(before, shifted);
            changes.add(new MigrationChange(relative, firstLine, chomp(before), chomp(after)));
        }
        return changes;
    }

    private static int lastLine(LineIndex lines, TextEdit edit) {
        return lines.lineOf(Math.max(edit.start(), edit.end() - 1));
    }

    private static String chomp(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * What applying did.
     *
     * @param written repository-relative paths rewritten
     * @param backups repository-relative paths of the backups kept
     * @param skipped files left alone: changed after planning, or could not be written (each
     *     named with the reason; the original is then untouched)
     * @param failed how many of {@code skipped} could not be written
     */
    public record Applied(List<String> written, List<String> backups, List<MigrationSkip> skipped, int failed) {}

    /**
     * Writes every planned file: backup first, then temporary file and atomic move. A file that
     * cannot be written is reported in {@link Applied#skipped()} and the others still proceed.
     *
     * @throws PolicyException if the root itself is unusable
     */
    public static Applied apply(MigrationPlan plan) throws PolicyException {
        RepositoryRoot root = RepositoryRoot.of(plan.root());
        List<String> written = new ArrayList<>();
        List<String> backups = new ArrayList<>();
        List<MigrationSkip> skipped = new ArrayList<>();
        int failed = 0;
        for (FileMigration file : plan.files()) {
            try {
                byte[] now = Files.readAllBytes(file.path());
                if (Files.isSymbolicLink(file.path()) || !Arrays.equals(now, file.original())) {
                    skipped.add(new MigrationSkip(file.relative(), 0, "changed since it was analysed; run again"));
                    continue;
                }
                Path backup = backup(file);
                backups.add(root.relativize(backup));
                replaceAtomically(file.path(), file.rewritten());
                written.add(file.relative());
            } catch (AtomicMoveNotSupportedException e) {
                failed++;
                skipped.add(new MigrationSkip(file.relative(), 0,
                        "not written: the file system cannot replace files atomically"));
            } catch (IOException e) {
                failed++;
                skipped.add(new MigrationSkip(file.relative(), 0, "not written: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")));
            }
        }
        return new Applied(written, backups, skipped, failed);
    }

    /**
     * Keeps the original bytes as {@code .backups/<name>.bak} next to the file; an existing
     * backup with other content is never overwritten, the next free {@code .bak.N} is used.
     */
    static Path backup(FileMigration file) throws IOException {
        Path dir = file.path().getParent().resolve(RegoFiles.BACKUP_DIRECTORY);
        if (Files.isSymbolicLink(dir)) {
            throw new IOException(RegoFiles.BACKUP_DIRECTORY + " is a symbolic link");
        }
        Files.createDirectories(dir);
        String name = file.path().getFileName() + ".bak";
        for (int n = 0; n < 10_000; n++) {
            Path candidate = dir.resolve(n == 0 ? name : name + "." + n);
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)
                        && Arrays.equals(Files.readAllBytes(candidate), file.original())) {
                    return candidate;
                }
                continue;
            }
            try {
                Files.write(candidate, file.original(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // created concurrently; look at the next name
            }
        }
        throw new IOException("no free backup name for " + name);
    }

    private static void replaceAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            copyPermissions(target, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view != null) {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            Files.setPosixFilePermissions(to, permissions);
        }
    }
}
