package dev.root24.rego;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a migration would change, and everything it leaves alone.
 *
 * @param root the repository root
 * @param filesScanned how many {@code .rego} files were looked at
 * @param files the files to rewrite, sorted by path
 * @param skipped files or findings left alone, sorted by path and line
 */
public record MigrationPlan(Path root, int filesScanned, List<FileMigration> files, List<MigrationSkip> skipped) {

    public MigrationPlan {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    public List<MigrationChange> changes() {
        return files.stream().flatMap(f -> f.changes().stream()).toList();
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
