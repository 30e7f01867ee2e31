package dev.root24.enforcer;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import javax.inject.Inject;
import javax.inject.Named;

import dev.root24.ci.CiPresets;
import dev.root24.ci.CiReferenceAnalyzer;
import dev.root24.ci.StaticAnalysis;
import dev.root24.ci.ToolSpec;
import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * Proves that the repository's enforcement tools exist and are really run by the CI files that
 * should run them, and scores that with the seed's phase-1 formula. Declared as
 * {@code <ciReferences>} in the enforcer's rules.
 *
 * <p>This class only reads configuration and translates outcomes; the analysis is
 * {@link CiReferenceAnalyzer}.
 */
@Named("ciReferences")
public final class CiReferencesRule extends AbstractEnforcerRule {

    /**
     * The tools to check, each a {@code <tool>} with {@code id}, {@code path},
     * {@code referencedBy} ({@code <file>} entries), {@code maxScore} and {@code description}.
     * Added to the {@code preset}'s tools; a tool with a preset tool's id replaces it.
     */
    private List<Tool> tools;

    /** A built-in tool list to start from: {@code ssid} (the seed report's seven tools). */
    private String preset;

    /**
     * The lowest acceptable phase score, 0..100: {@code floor(100 × Σ tool points / Σ maxScore)}.
     * Default 100: every tool present and run from every listed file.
     */
    private int minScore = 100;

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
        MavenVersionRequirement.check(runtime, "ciReferences");
        if (minScore < 0 || minScore > 100) {
            throw new EnforcerRuleError("ciReferences: minScore " + minScore + " is outside 0..100");
        }
        StaticAnalysis analysis;
        try {
            RepositoryRoot root = RepositoryRoot.of(root());
            analysis = new CiReferenceAnalyzer(root).analyze(toolList());
        } catch (PolicyException e) {
            throw new EnforcerRuleError("ciReferences: " + e.getMessage());
        }
        List<String> lines = analysis.describe();
        if (analysis.score() < minScore) {
            List<String> message = new ArrayList<>();
            message.add(lines.get(0) + ", below minScore " + minScore);
            message.addAll(lines.subList(1, lines.size()));
            throw new EnforcerRuleException(String.join(System.lineSeparator(), message));
        }
        lines.set(0, lines.get(0) + ", minScore " + minScore + ": OK");
        lines.forEach(getLog()::info);
    }

    private List<ToolSpec> toolList() throws PolicyException {
        List<ToolSpec> inline = new ArrayList<>();
        if (tools != null) {
            for (Tool tool : tools) {
                inline.add(tool.toSpec());
            }
        }
        return CiPresets.combine(preset, inline);
    }

    private Path root() throws EnforcerRuleError {
        if (rootDirectory != null) {
            return rootDirectory.toPath().toAbsolutePath().normalize();
        }
        File top = session.getRequest().getMultiModuleProjectDirectory();
        if (top == null && session.getTopLevelProject() != null) {
            top = session.getTopLevelProject().getBasedir();
        }
        if (top == null) {
            throw new EnforcerRuleError("ciReferences: cannot tell the repository root; set <rootDirectory>");
        }
        return top.toPath().toAbsolutePath().normalize();
    }

    /**
     * Same root and same configuration: same outcome, so the enforcer runs the rule once per
     * reactor instead of once per module.
     */
    @Override
    public String getCacheId() {
        String key = String.join("\n", String.valueOf(rootDirectory),
                String.valueOf(session.getRequest().getMultiModuleProjectDirectory()), String.valueOf(tools),
                String.valueOf(preset), String.valueOf(minScore));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            return Integer.toHexString(key.hashCode());
        }
    }

    @Override
    public String toString() {
        return String.format("CiReferences[preset=%s, tools=%s, minScore=%d, rootDirectory=%s]", preset, tools, minScore,
                rootDirectory);
    }
}
