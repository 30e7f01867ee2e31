package dev.root24.report;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.root24.ci.CiReferenceAnalyzer;
import dev.root24.ci.StaticAnalysis;
import dev.root24.exec.BuiltInChecks;
import dev.root24.exec.CheckResult;
import dev.root24.exec.CommandRunner;
import dev.root24.exec.Finding;
import dev.root24.exec.InProcessCheck;
import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import dev.root24.score.AuditEvidence;
import dev.root24.score.AuditPhase;
import dev.root24.score.DynamicPhase;
import dev.root24.score.NextTierPath;
import dev.root24.score.NextTierSearch;
import dev.root24.score.PhaseScore;
import dev.root24.score.Scorecard;
import dev.root24.score.Scoring;
import dev.root24.score.StaticPhase;
import dev.root24.structure.StructureLock;
import dev.root24.structure.StructureReport;
import dev.root24.structure.Violation;

/**
 * One certification, start to end: phase 1 from the CI references, phase 2 by running the checks,
 * phase 3 from the audit phase, then the scores, the tier and the path to the next tier.
 */
public final class Certifier {

    private final RepositoryRoot root;
    private final CertifySettings settings;
    private final BuiltInChecks builtIns;
    private final AuditPhase audit;
    private final int parallelism;
    private final int tailChars;
    private final Map<String, String> environment;
    private final Clock clock;

    /**
     * @param builtIns in-process checks besides {@code root24Lock} (which is always available)
     * @param audit phase 3
     * @param environment the environment commands inherit
     */
    public Certifier(RepositoryRoot root, CertifySettings settings, BuiltInChecks builtIns, AuditPhase audit,
                     int parallelism, int tailChars, Map<String, String> environment, Clock clock) {
        this.root = root;
        this.settings = settings;
        this.builtIns = builtIns.with(BuiltInChecks.ROOT24_LOCK, root24Lock(settings));
        this.audit = audit;
        this.parallelism = parallelism;
        this.tailChars = tailChars;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    /** The ROOT-24-LOCK check with the configured structure policy, as an in-process check. */
    static InProcessCheck root24Lock(CertifySettings settings) {
        return dir -> {
            StructureReport report = new StructureLock(settings.structure()).check(dir);
            List<Finding> findings = new ArrayList<>();
            for (Violation v : report.violations()) {
                findings.add(new Finding(v.kind().name(), v.path(), 0, v.problem() + " -> " + v.fix()));
            }
            return new InProcessCheck.Outcome(report.passed(), report.passed() ? report.summary() : report.format(), findings);
        };
    }

    /**
     * @param toolVersion the plugin's version
     * @param commit the checked-out commit, or null
     * @param pomFile the repository-relative POM
     * @param pomLines the POM line declaring each check
     * @param inputs the configuration to record
     * @throws PolicyException for a configuration mistake found while analysing (e.g. a path leaving the root)
     */
    public Certification certify(String toolVersion, String commit, String pomFile, Map<String, Integer> pomLines,
                                 Map<String, Object> inputs) throws PolicyException {
        StaticAnalysis analysis = settings.tools().isEmpty() ? null
                : new CiReferenceAnalyzer(root).analyze(settings.tools());
        Path dir = root.directory();
        List<CheckResult> checks = new CommandRunner(dir, parallelism, tailChars, builtIns, environment)
                .runAll(settings.checks());
        AuditEvidence evidence = audit.evaluate(dir);
        Scoring scoring = new Scoring(settings.weights(), settings.thresholds());
        PhaseScore p1 = StaticPhase.score(analysis);
        Scorecard card = scoring.score(p1, DynamicPhase.score(checks), evidence.score());
        NextTierPath path = new NextTierSearch(scoring).search(analysis, checks, evidence, null);
        return new Certification(toolVersion, clock.instant(), dir.toString(), commit, pomFile, pomLines, inputs,
                settings.thresholds(), analysis, checks, evidence, card, path, settings.failBelow());
    }
}
