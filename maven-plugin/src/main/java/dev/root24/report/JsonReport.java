package dev.root24.report;

import java.util.Locale;

import dev.root24.ci.ReferenceResult;
import dev.root24.ci.StaticAnalysis;
import dev.root24.ci.ToolResult;
import dev.root24.exec.CheckResult;
import dev.root24.exec.Finding;
import dev.root24.score.NextTierPath;
import dev.root24.score.Phase;
import dev.root24.score.PhaseScore;
import dev.root24.score.Scorecard;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code report.json}: every input and result. Keys are written in a fixed order, so two runs on
 * the same input differ only in the timestamp, durations and the commit id.
 */
public final class JsonReport {

    /** Names the layout of the document; bumped when a field changes meaning. */
    public static final String FORMAT = "root24-certification/1";

    private final JsonMapper mapper;

    public JsonReport(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String render(Certification c) {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree(c)) + "\n";
    }

    public ObjectNode tree(Certification c) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "root24-maven-plugin");
        tool.put("version", c.toolVersion());
        root.put("timestamp", c.timestamp().toString());
        ObjectNode repository = root.putObject("repository");
        repository.put("root", c.root());
        repository.put("commit", c.commit());
        repository.put("pom", c.pomFile());
        root.set("inputs", mapper.valueToTree(c.inputs()));
        Scorecard card = c.scorecard();
        ObjectNode weights = root.putObject("weights");
        for (Phase phase : Phase.values()) {
            weights.put(phase.key(), card.weights().of(phase));
        }
        ObjectNode thresholds = root.putObject("tierThresholds");
        thresholds.put("PLATINUM", c.thresholds().platinum());
        thresholds.put("GOLD", c.thresholds().gold());
        thresholds.put("SILVER", c.thresholds().silver());
        thresholds.put("BRONZE", c.thresholds().bronze());
        ObjectNode phases = root.putObject("phases");
        phases.set("static", staticPhase(card.staticPhase(), card, c.staticAnalysis()));
        ObjectNode dynamic = phase(card.dynamicPhase(), card);
        ArrayNode checks = dynamic.putArray("checks");
        c.checks().forEach(r -> checks.add(check(r, c.pomLines().getOrDefault(r.id(), 0))));
        phases.set("dynamic", dynamic);
        ObjectNode audit = phase(card.auditPhase(), card);
        findings(audit.putArray("findings"), c.audit().findings());
        phases.set("audit", audit);
        ObjectNode overall = root.putObject("overall");
        overall.put("score", card.overall());
        overall.put("exact", card.exactOverall());
        overall.put("tier", card.tier().name());
        overall.put("verdict", card.verdict());
        ObjectNode gate = root.putObject("gate");
        gate.put("failBelow", c.failBelow().name());
        gate.put("passed", c.passesGate());
        root.set("nextTier", nextTier(c.nextTier()));
        return root;
    }

    private ObjectNode phase(PhaseScore score, Scorecard card) {
        ObjectNode node = mapper.createObjectNode();
        node.put("measured", score.measured());
        node.put("score", score.score());
        node.put("weight", card.weights().of(score.phase()));
        node.put("note", score.note());
        return node;
    }

    private ObjectNode staticPhase(PhaseScore score, Scorecard card, StaticAnalysis analysis) {
        ObjectNode node = phase(score, card);
        ArrayNode tools = node.putArray("tools");
        if (analysis == null) {
            return node;
        }
        node.put("points", analysis.totalPoints());
        node.put("maxPoints", analysis.totalMax());
        for (ToolResult result : analysis.tools()) {
            ObjectNode tool = tools.addObject();
            tool.put("id", result.tool().id());
            tool.put("path", result.tool().path());
            tool.put("description", result.tool().description());
            tool.put("maxScore", result.tool().maxScore());
            tool.put("present", result.toolPresent());
            tool.put("sha256", result.file().sha256());
            if (result.file().problem() != null) {
                tool.put("problem", result.file().problem());
            }
            tool.put("found", result.found());
            tool.put("total", result.total());
            tool.put("points", result.points());
            ArrayNode references = tool.putArray("references");
            for (ReferenceResult reference : result.references()) {
                ObjectNode ref = references.addObject();
                ref.put("file", reference.file());
                ref.put("status", reference.status().name());
                ref.put("line", reference.line());
                ref.put("detail", reference.detail());
            }
        }
        ArrayNode gains = node.putArray("gains");
        analysis.gains().forEach(g -> {
            ObjectNode gain = gains.addObject();
            gain.put("tool", g.reference().toolId());
            gain.put("file", g.reference().file());
            gain.put("points", g.points());
        });
        return node;
    }

    private ObjectNode check(CheckResult r, int pomLine) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", r.id());
        node.put("kind", r.check().isBuiltIn() ? "built-in" : "command");
        node.put("command", r.shownCommand());
        node.put("shell", r.check().shell());
        node.put("timeoutMillis", r.check().timeout().toMillis());
        ArrayNode accept = node.putArray("acceptExitCodes");
        r.check().acceptExitCodes().stream().sorted().forEach(accept::add);
        node.put("weight", r.check().weight());
        node.set("environment", mapper.valueToTree(new java.util.TreeMap<>(r.shownEnvironment())));
        node.put("pomLine", pomLine);
        node.put("status", r.status().name());
        node.put("passed", r.passed());
        node.put("exitCode", r.exitCode());
        node.put("durationMillis", r.duration().toMillis());
        node.put("hint", r.hint());
        node.set("stdout", stream(r.stdout(), r.stdoutChars(), r.stdoutTruncated()));
        node.set("stderr", stream(r.stderr(), r.stderrChars(), r.stderrTruncated()));
        findings(node.putArray("findings"), r.findings());
        return node;
    }

    private ObjectNode stream(String tail, long chars, boolean truncated) {
        ObjectNode node = mapper.createObjectNode();
        node.put("tail", tail);
        node.put("chars", chars);
        node.put("truncated", truncated);
        return node;
    }

    private static void findings(ArrayNode into, java.util.List<Finding> findings) {
        for (Finding f : findings) {
            ObjectNode node = into.addObject();
            node.put("kind", f.kind());
            node.put("file", f.file());
            node.put("line", f.line());
            node.put("message", f.message());
        }
    }

    private ObjectNode nextTier(NextTierPath path) {
        ObjectNode node = mapper.createObjectNode();
        node.put("from", path.from().name());
        node.put("target", path.target() == null ? null : path.target().name());
        node.put("threshold", path.threshold());
        node.put("outcome", path.outcome().name());
        node.put("overallAfter", path.overallAfter());
        node.put("note", path.note());
        ObjectNode search = node.putObject("search");
        search.put("candidates", path.candidates());
        search.put("largestSetSearched", path.largestSetSearched());
        search.put("setsEvaluated", path.evaluated());
        ArrayNode steps = node.putArray("steps");
        for (NextTierPath.Step step : path.steps()) {
            ObjectNode s = steps.addObject();
            s.put("kind", step.action().kind().name().toLowerCase(Locale.ROOT));
            s.put("subject", step.action().subject());
            s.put("file", step.action().file());
            s.put("action", step.action().description());
            s.put("gain", step.gain());
            s.put("overallAfter", step.overallAfter());
        }
        return node;
    }
}
