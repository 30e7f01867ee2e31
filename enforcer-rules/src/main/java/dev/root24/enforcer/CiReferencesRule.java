package dev.root24.enforcer;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.inject.Inject;
import javax.inject.Named;

import dev.root24.ci.CiPresets;
import dev.root24.ci.CiReferenceAnalyzer;
import dev.root24.ci.StaticAnalysis;
import dev.root24.ci.ToolSpec;
import dev.root24.findings.Declarations;
import dev.root24.findings.RuleFindings;
import dev.root24.policy.EffectivePolicy;
import dev.root24.policy.InlineSettings;
import dev.root24.policy.PolicyDocument;
import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import dev.root24.policy.SettingSource;
import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * Proves that the repository's enforcement tools exist and are really run by the CI files that
 * should run them, and scores that with the SSID report's phase-1 formula. Declared as
 * {@code <ciReferences>} in the enforcer's rules.
 *
 * <p>This class only reads configuration and translates outcomes; the analysis is
 * {@link CiReferenceAnalyzer}.
 */
@Named("ciReferences")
public final class CiReferencesRule extends AbstractEnforcerRule {

    private static final int DEFAULT_MIN_SCORE = 100;

    /**
     * The tools to check, each a {@code <tool>} with {@code id}, {@code path},
     * {@code referencedBy} ({@code <file>} entries), {@code maxScore} and {@code description}.
     * Added to the {@code preset}'s tools; a tool with a preset tool's id replaces it.
     */
    private List<Tool> tools;

    /** A built-in tool list to start from: {@code ssid} (the SSID report's seven tools). */
    private String preset;

    /**
     * The lowest acceptable phase score, 0..100: {@code floor(100 × Σ tool points / Σ maxScore)}.
     * Default 100: every tool present and run from every listed file.
     */
    private Integer minScore;

    /**
     * The CI runs in which a reference counts, for every tool without its own: {@code <events>}
     * ({@code <event>} GitHub {@code on:} names) and {@code <branches>} ({@code <branch>} names).
     * Default: push or pull_request to main or master. A policy that locks {@code ci.countedRuns}
     * lets it only narrow.
     */
    private CountedRunsParameter countedRuns;

    /**
     * A {@code root24-policy.yaml}: a repository-relative path or {@code classpath:a/b.yaml} (from
     * a jar added as a dependency of the enforcer plugin). Its {@code ci:} section ({@code preset},
     * {@code minScore}, {@code tools}) configures this rule; every parameter set inline overrides
     * the same key of the file, unless the policy locks it. Default: the {@code root24.policy}
     * property, which names the policy once for every rule and {@code root24:certify}; when both
     * are set they must agree.
     */
    private String policy;

    /**
     * The repository root every path is relative to. Default: the reactor's top-level directory
     * ({@code maven.multiModuleProjectDirectory}), so the rule runs once for the whole repository.
     */
    private File rootDirectory;

    private final MavenSession session;
    private final RuntimeInformation runtime;

    @Inject
    public CiReferencesRule(MavenSession session, RuntimeInformation runtime) {
        this.session = Objects.requireNonNull(session);
        this.runtime = Objects.requireNonNull(runtime);
    }

    @Override
    public void execute() throws EnforcerRuleException {
        if (SkipSwitch.on(session.getUserProperties(), session.getSystemProperties())) {
            getLog().info(SkipSwitch.message("ciReferences"));
            return;
        }
        MavenVersionRequirement.check(runtime, "ciReferences");
        StaticAnalysis analysis;
        int threshold;
        Map<String, SettingSource> provenance;
        Path rootPath = ReactorRoot.resolve(rootDirectory, session, "ciReferences");
        try {
            RepositoryRoot root = RepositoryRoot.of(rootPath);
            EffectivePolicy effective = effective(root);
            provenance = effective.provenance();
            PolicyDocument.Ci ci = effective.document().ci() == null ? new PolicyDocument.Ci(null, null, null) : effective.document().ci();
            threshold = ci.minScore() == null ? DEFAULT_MIN_SCORE : ci.minScore();
            if (threshold < 0 || threshold > 100) {
                throw new PolicyException("minScore " + threshold + " is outside 0..100");
            }
            analysis = new CiReferenceAnalyzer(root).analyze(
                    ToolSpec.countedIn(CiPresets.combine(ci.preset(), ToolSpec.fromPolicy(ci.tools())), ci.countedRuns()));
        } catch (PolicyException e) {
            ReportOutput.write(session, rootPath, getLog(), "ciReferences", false, "The rule could not run: its configuration is invalid.",
                    ReportOutput.declarations(session, rootPath, "ciReferences", Map.of()),
                    RuleFindings.configurationError("ciReferences", e));
            throw new EnforcerRuleError("ciReferences: " + e.getMessage());
        }
        List<String> lines = analysis.describe();
        boolean failing = analysis.score() < threshold;
        // Written before the verdict so a failing validate still leaves a report for CI.
        Declarations declarations = ReportOutput.declarations(session, rootPath, "ciReferences", provenance);
        ReportOutput.write(session, rootPath, getLog(), "ciReferences", !failing,
                "Phase score " + analysis.score() + "/100, minScore " + threshold + ".", declarations,
                RuleFindings.of(analysis, failing, declarations));
        if (failing) {
            List<String> message = new ArrayList<>();
            message.add(lines.get(0) + ", below minScore " + threshold);
            message.addAll(lines.subList(1, lines.size()));
            throw new EnforcerRuleException(String.join(System.lineSeparator(), message));
        }
        lines.set(0, lines.get(0) + ", minScore " + threshold + ": OK");
        lines.forEach(getLog()::info);
    }

    /** The policy with the inline {@code ci:} parameters laid over it; its provenance places the findings. */
    private EffectivePolicy effective(RepositoryRoot root) throws PolicyException, EnforcerRuleError {
        InlineSettings inline = InlineSettings.none();
        inline.set("ci.preset", preset, PolicyProperty.pomParameter(session, "<ciReferences><preset>"));
        inline.set("ci.minScore", minScore, PolicyProperty.pomParameter(session, "<ciReferences><minScore>"));
        if (countedRuns != null) {
            inline.set("ci.countedRuns", countedRuns.toSettings(), PolicyProperty.pomParameter(session, "<ciReferences><countedRuns>"));
        }
        if (tools != null) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Tool tool : tools) {
                list.add(tool.toSettings());
            }
            inline.set("ci.tools", list, PolicyProperty.pomParameter(session, "<ciReferences><tools>"));
        }
        return PolicyProperty.load(root, policy, session, "ciReferences", inline, getLog());
    }

    /**
     * Same root and same configuration: same outcome, so the enforcer runs the rule once per
     * reactor instead of once per module.
     */
    @Override
    public String getCacheId() {
        return ReactorRoot.cacheId(session, rootDirectory, tools, preset, minScore, countedRuns, policy, PolicyProperty.property(session));
    }

    @Override
    public String toString() {
        return String.format("CiReferences[preset=%s, tools=%s, minScore=%s, countedRuns=%s, rootDirectory=%s, policy=%s]", preset,
                tools, minScore, countedRuns, rootDirectory, policy);
    }
}
