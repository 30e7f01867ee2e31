package dev.root24.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * What a Root24 SARIF log must be: valid against the official OASIS SARIF 2.1.0 schema (errata01,
 * {@code sarif/sarif-schema-2.1.0.json}, a copy of oasis-tcs/sarif-spec
 * {@code sarif-2.1/schema/sarif-schema-2.1.0.json}), and good input for GitHub code scanning.
 * Shared by the rules' and certify's tests through the test jar.
 */
public final class SarifChecks {

    private static final Schema SCHEMA = load();

    private SarifChecks() {}

    private static Schema load() {
        try (InputStream in = SarifChecks.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("sarif/sarif-schema-2.1.0.json is missing from the test classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about {@code sarif}; empty when it is valid. */
    public static List<String> schemaErrors(String sarif) {
        return SCHEMA.validate(sarif, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /**
     * What code scanning needs and {@code log} lacks; empty when nothing is missing: every rule
     * has both descriptions, help as text and Markdown, and tags; every result names a rule of
     * its run at its index, has our fingerprint, and is located at an existing regular file of
     * {@code root} (never a directory or a missing path) with a region starting at a line ≥ 1.
     */
    public static List<String> codeScanningProblems(JsonNode log, Path root) {
        List<String> problems = new ArrayList<>();
        for (JsonNode run : log.path("runs")) {
            if (run.path("automationDetails").path("id").asString("").isBlank()) {
                problems.add("run without automationDetails.id (category)");
            }
            JsonNode rules = run.path("tool").path("driver").path("rules");
            for (JsonNode rule : rules) {
                String id = rule.path("id").asString("?");
                for (String field : List.of("shortDescription", "fullDescription")) {
                    if (rule.path(field).path("text").asString("").isBlank()) {
                        problems.add(id + ": no " + field);
                    }
                }
                if (rule.path("help").path("text").asString("").isBlank() || rule.path("help").path("markdown").asString("").isBlank()) {
                    problems.add(id + ": no help text and markdown");
                }
                if (rule.path("properties").path("tags").isEmpty()) {
                    problems.add(id + ": no tags");
                }
            }
            int i = 0;
            for (JsonNode result : run.path("results")) {
                String where = "result " + i++ + " (" + result.path("ruleId").asString("?") + ")";
                JsonNode rule = rules.path(result.path("ruleIndex").asInt(-1));
                if (!rule.path("id").asString("").equals(result.path("ruleId").asString())) {
                    problems.add(where + ": ruleIndex does not name its rule");
                }
                if (result.path("partialFingerprints").path("root24/v1").asString("").isBlank()) {
                    problems.add(where + ": no root24/v1 fingerprint");
                }
                JsonNode physical = result.path("locations").path(0).path("physicalLocation");
                String uri = physical.path("artifactLocation").path("uri").asString("");
                if (uri.isEmpty()) {
                    problems.add(where + ": no location");
                    continue;
                }
                Path file = root.resolve(URI.create(uri).getPath()).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(where + ": located at " + uri + ", which is no regular file of the repository");
                }
                if (physical.path("region").path("startLine").asInt(0) < 1) {
                    problems.add(where + ": no region with a startLine >= 1");
                }
            }
        }
        return problems;
    }

    /** Each result's {@code root24/v1} fingerprint, in order. */
    public static List<String> fingerprints(JsonNode log) {
        return log.path("runs").path(0).path("results").valueStream()
                .map(r -> r.path("partialFingerprints").path("root24/v1").asString()).toList();
    }
}
