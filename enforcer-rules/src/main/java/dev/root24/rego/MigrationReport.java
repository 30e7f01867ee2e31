package dev.root24.rego;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code rego-migration.json}: every change (file, line, before, after), every file or finding
 * left alone, and, when applied, the files written and the backups kept. Keys in a fixed order.
 */
public final class MigrationReport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private MigrationReport() {}

    /**
     * Renders the report.
     *
     * @param applied what applying did, or {@code null} for a dry run
     */
    public static String render(MigrationPlan plan, RegoMigration.Applied applied) {
        ObjectNode root = JSON.createObjectNode();
        root.put("mode", applied == null ? "dry-run" : "apply");
        root.put("root", plan.root().toString());
        root.put("filesScanned", plan.filesScanned());
        root.put("filesToChange", plan.files().size());
        List<MigrationChange> changes = plan.changes();
        root.put("changeCount", changes.size());
        ArrayNode list = root.putArray("changes");
        for (MigrationChange c : changes) {
            ObjectNode n = list.addObject();
            n.put("file", c.file());
            n.put("line", c.line());
            n.put("before", c.before());
            n.put("after", c.after());
        }
        ArrayNode skipped = root.putArray("skipped");
        for (MigrationSkip s : plan.skipped()) {
            skip(skipped, s);
        }
        if (applied != null) {
            for (MigrationSkip s : applied.skipped()) {
                skip(skipped, s);
            }
            ArrayNode written = root.putArray("written");
            applied.written().forEach(written::add);
            ArrayNode backups = root.putArray("backups");
            applied.backups().forEach(backups::add);
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    private static void skip(ArrayNode skipped, MigrationSkip s) {
        ObjectNode n = skipped.addObject();
        n.put("file", s.file());
        n.put("line", s.line());
        n.put("reason", s.reason());
    }

    /** Writes the report to {@code file} (through a temporary file), creating its directory. */
    public static void write(Path file, MigrationPlan plan, RegoMigration.Applied applied) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, render(plan, applied), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
