package dev.root24.ci;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import dev.root24.policy.PolicyException;
import dev.root24.policy.YamlNode;
import dev.root24.policy.YamlReader;

/**
 * The repository files a CI file pulls in and that run as part of it: a reusable workflow
 * ({@code jobs.x.uses: ./.github/workflows/guard.yml}), a local composite action
 * ({@code uses: ./.github/actions/guard}), a GitLab {@code include: local:}.
 *
 * <p>Following is bounded, since the repository is the adversary: a file is opened only inside
 * the repository, never through a symbolic link (not even one that stays inside: what CI checks
 * out and what this reads must be the same bytes), never twice along one chain (a cycle), never
 * deeper than {@link #MAX_DEPTH} files, and never larger than the YAML limit. A refusal is a
 * one-line reason, collected as a note for the report; what the refused file holds counts nothing.
 */
final class FollowedFiles {

    /** GitHub nests reusable workflows and composite actions at most 10 levels deep; so does this. */
    static final int MAX_DEPTH = 10;

    /**
     * How many times the YAML limit the followed files of one scan may add up to, counting a file
     * each time it is followed: without it, ten levels of a hundred calls each would be read 100^10 times.
     */
    static final int MAX_FOLLOWED_LIMITS = 1;

    /** How many calls of local workflows and actions (and includes) one scan follows, counting each call. */
    static final int MAX_CALLS = 500;

    /** A longer path, or one with control characters, is not repeated in a message. */
    private static final int MAX_SHOWN_PATH = 200;

    private final Path root;
    private final long maxBytes;
    private final List<String> chain;
    private final List<String> notes;
    /** What the whole scan shares: the first reason the CI system refuses the file, the files read, the bytes followed. */
    private final Shared shared;

    private static final class Shared {
        String broken;
        long followed;
        int calls;
        final java.util.Map<String, Followed> read = new java.util.HashMap<>();
    }

    private FollowedFiles(Path root, long maxBytes, List<String> chain, List<String> notes, Shared shared) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.chain = chain;
        this.notes = notes;
        this.shared = shared;
    }

    /** Following from the referencing file {@code display}; {@code root} null: nothing is followed. */
    static FollowedFiles from(Path root, String display, long maxBytes) {
        return new FollowedFiles(root == null ? null : root.toAbsolutePath().normalize(), maxBytes,
                List.of(display), new ArrayList<>(), new Shared());
    }

    /** A file opened: its display path and document (merge keys applied), or why it is not followed. */
    record Followed(String display, YamlNode document, String refused, long size) {

        boolean ok() {
            return refused == null;
        }
    }

    /** The same bounds, one file deeper (from {@code display}). */
    FollowedFiles enter(String display) {
        List<String> deeper = new ArrayList<>(chain);
        deeper.add(display);
        return new FollowedFiles(root, maxBytes, List.copyOf(deeper), notes, shared);
    }

    /** Records why a call was not followed, for the reference's detail. */
    void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    /**
     * Why the CI system refuses the whole referencing file, or null: a cycle of calls or includes,
     * or a chain deeper than {@link #MAX_DEPTH} (GitHub and GitLab resolve them before running anything).
     */
    String broken() {
        return shared.broken;
    }

    /** Every note so far, in order. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Opens a repository-relative file ({@code ./} or {@code /} in front is the root) as a CI file
     * of {@code kind}. {@code candidates} are tried in order inside that path when it names a
     * directory (an action's {@code action.yml}, {@code action.yaml}).
     */
    Followed open(String reference, CiFileKind kind, String... candidates) {
        String relative = reference.strip().replace('\\', '/');
        while (relative.startsWith("./")) {
            relative = relative.substring(2);
        }
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        if (root == null) {
            return unlocated("no repository root to follow it in");
        }
        // Each call of an often used action is the same file: looked up, checked and parsed once.
        String key = relative + "\0" + String.join("\0", candidates);
        Followed known = shared.read.get(key);
        if (known == null) {
            known = locateAndRead(relative, kind, candidates);
            shared.read.put(key, known);
        }
        if (!known.ok()) {
            return known;
        }
        if (chain.contains(known.display())) {
            return brokenBy(known.display(), "a cycle (" + String.join(" -> ", chain) + " -> " + known.display() + ")");
        }
        if (chain.size() > MAX_DEPTH) {
            return brokenBy(known.display(), "more than " + MAX_DEPTH + " files deep");
        }
        if (++shared.calls > MAX_CALLS) {
            return brokenBy(known.display(), "more than " + MAX_CALLS + " calls of local workflows, actions or includes");
        }
        shared.followed += known.size();
        if (shared.followed > MAX_FOLLOWED_LIMITS * maxBytes) {
            return brokenBy(known.display(), "more than " + MAX_FOLLOWED_LIMITS * maxBytes + " bytes of called files, counting each call");
        }
        return known;
    }

    private Followed locateAndRead(String relative, CiFileKind kind, String... candidates) {
        Path path;
        try {
            path = root.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            return unlocated("not a valid path");
        }
        // `uses: ./` is the repository's own action (its action.yml at the root); a workflow is a file.
        if (!path.startsWith(root) || path.equals(root) && candidates.length == 0) {
            return unlocated("outside the repository");
        }
        String linked = linkOnTheWay(path);
        if (linked != null) {
            return unlocated(linked);
        }
        if (candidates.length > 0 && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return unlocated("not a directory with " + String.join(" or ", candidates));
        }
        if (candidates.length > 0) {
            Path chosen = null;
            for (String candidate : candidates) {
                Path p = path.resolve(candidate);
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    chosen = p;
                    break;
                }
            }
            if (chosen == null) {
                return unlocated("a directory without " + String.join(" or ", candidates));
            }
            path = chosen;
        }
        String display = root.relativize(path).toString().replace('\\', '/');
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return refused(display, "not found");
        }
        if (attributes.isSymbolicLink()) {
            return refused(display, "a symbolic link");
        }
        if (!attributes.isRegularFile()) {
            return refused(display, "not a regular file");
        }
        if (attributes.size() > maxBytes) {
            return refused(display, "larger than the " + maxBytes + "-byte limit for YAML files");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            return refused(display, "not valid UTF-8 text");
        } catch (IOException e) {
            return refused(display, "unreadable (" + e.getClass().getSimpleName() + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            YamlNode document = YamlReader.withAliases(maxBytes).parseSingleDocument(text, display);
            return new Followed(display, CiYaml.mergeKeys(kind, document), null, text.length());
        } catch (PolicyException e) {
            return refused(display, "line " + e.line() + ": " + e.problem());
        } catch (InvalidCiFile e) {
            return refused(display, "line " + e.line() + ": " + e.getMessage());
        }
    }

    /** Why a component of {@code path} below the root is a link (or missing), or null. */
    private String linkOnTheWay(Path path) {
        Path current = root;
        for (Path part : root.relativize(path)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                return "through a symbolic link";
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return "not found";
            }
        }
        return null;
    }

    private Followed brokenBy(String display, String why) {
        if (shared.broken == null) {
            shared.broken = why;
        }
        return refused(display, why);
    }

    /**
     * A reference that names no file of the repository: the reason alone (the calling line says
     * where), since the path is the file's text, not a place.
     */
    private static Followed unlocated(String why) {
        return new Followed("", null, why, 0);
    }

    private static Followed refused(String display, String why) {
        boolean plain = display.length() <= MAX_SHOWN_PATH && display.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        return new Followed(display, null, (plain ? display : "a path not shown (too long or with control characters)") + ": " + why, 0);
    }
}
