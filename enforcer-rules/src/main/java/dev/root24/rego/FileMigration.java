package dev.root24.rego;

import java.nio.file.Path;
import java.util.List;

/**
 * The planned rewrite of one file.
 *
 * @param path absolute path
 * @param relative repository-relative path, forward slashes
 * @param original the bytes the plan was made from
 * @param rewritten the bytes to write
 * @param changes the changed lines
 */
public record FileMigration(Path path, String relative, byte[] original, byte[] rewritten, List<MigrationChange> changes) {

    public FileMigration {
        changes = List.copyOf(changes);
    }
}
