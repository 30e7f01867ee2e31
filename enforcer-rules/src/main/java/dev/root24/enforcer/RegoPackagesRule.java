package dev.root24.enforcer;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.inject.Inject;
import javax.inject.Named;

import dev.root24.findings.RuleFindings;
import dev.root24.policy.EffectivePolicy;
import dev.root24.policy.InlineSettings;
import dev.root24.policy.PolicyDocument;
import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import dev.root24.rego.LayerSource;
import dev.root24.rego.RegoFinding;
import dev.root24.rego.RegoPackageCheck;
import dev.root24.rego.RegoPolicy;
import dev.root24.rego.RegoReport;
import dev.root24.rego.V1Syntax;
import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * Rego package names follow the module they belong to ({@code 01_ai_layer} → package
 * {@code ssid.ai_layer...}) and, optionally, no pre-1.0 Rego syntax remains. Declared as
 * {@code <regoPackages/>} in the enforcer's rules.
 *
 * <p>This class only reads configuration and translates outcomes; the check itself is
 * {@link RegoPackageCheck}.
 */
@Named("regoPackages")
public final class RegoPackagesRule extends AbstractEnforcerRule {

    /**
     * The repository root. Default: the reactor's top-level directory
     * ({@code maven.multiModuleProjectDirectory}), so the rule runs once for the whole repository.
     */
    private File rootDirectory;

    /**
     * Repository-relative directories whose {@code .rego} files are checked, recursively.
     * Default: every locked module (those missing are skipped; root24Lock reports them). A
     * configured directory that does not exist is an error.
     */
    private List<String> directories;

    /**
     * The first segment(s) every package must start with, e.g. {@code org.policies}. Default
     * {@code ssid}; {@code none} for no prefix (packages then start with the layer).
     */
    private String prefix;

    /**
     * Where a file's module is read from: {@code fileName} (default) reads the file-name prefix,
     * full ({@code 01_ai_layer_x.rego}) or squashed ({@code 01ailayer_x.rego}); {@code directory}
     * takes the nearest enclosing directory named after a module. A file no module claims needs
     * only the prefix.
     */
    private String layerFrom;

    /**
     * Globs of repository-relative paths left alone, e.g. {@code 23_compliance/tests/**}.
     * {@code .backups/} directories are always skipped.
     */
    private List<String> excludes;

    /**
     * The Rego v1 syntax check: {@code off}, {@code warn} (default: logged, the build goes on) or
     * {@code error} (fails the build). Reports partial set rules without {@code contains}, rule
     * bodies without {@code if}, and {@code import future.keywords...}.
     */
    private String v1Syntax;

    /** The locked modules the layers come from. Default: the 24 ROOT-24 modules. */
    private List<String> modules;

    /**
     * A {@code root24-policy.yaml}: a repository-relative path or {@code classpath:a/b.yaml} (from
     * a jar added as a dependency of the enforcer plugin). Its {@code rego:} section configures
     * this rule; every parameter set inline overrides the same key of the file.
     */
    private String policy;

    private final MavenSession session;
    private final RuntimeInformation runtime;

    @Inject
    public RegoPackagesRule(MavenSession session, RuntimeInformation runtime) {
        this.session = Objects.requireNonNull(session);
        this.runtime = Objects.requireNonNull(runtime);
    }

    @Override
    public void execute() throws EnforcerRuleException {
        if (SkipSwitch.on(session.getUserProperties(), session.getSystemProperties())) {
            getLog().info(SkipSwitch.message("regoPackages"));
            return;
        }
        MavenVersionRequirement.check(runtime, "regoPackages");
        Path root = ReactorRoot.resolve(rootDirectory, session, "regoPackages");
        RegoReport report;
        try {
            report = new RegoPackageCheck(settings(root)).check(root);
        } catch (PolicyException e) {
            ReportOutput.write(session, root, getLog(), "regoPackages", false, "The rule could not run: its configuration is invalid.",
                    ReportOutput.declarations(session, root, "regoPackages", Map.of()), RuleFindings.configurationError("regoPackages", e));
            throw new EnforcerRuleError("regoPackages: " + e.getMessage());
        }
        // Written before the verdict so a failing validate still leaves a report for CI.
        ReportOutput.write(session, root, getLog(), "regoPackages", report.passed(),
                report.filesScanned() + " .rego file(s), " + report.errors().size() + " error(s), " + report.warnings().size()
                        + " warning(s).", ReportOutput.declarations(session, root, "regoPackages", Map.of()), RuleFindings.of(report));
        for (RegoFinding warning : report.warnings()) {
            getLog().warn("regoPackages: " + warning.format());
        }
        if (!report.passed()) {
            throw new EnforcerRuleException(report.formatErrors());
        }
        getLog().info(report.summary());
    }

    private void set(InlineSettings inline, String parameter, Object value) {
        inline.set("rego." + parameter, value, PolicyProperty.pomParameter(session, "<regoPackages><" + parameter + ">"));
    }

    /** The policy file's {@code rego:} section with the inline parameters laid over it. */
    private RegoPolicy settings(Path root) throws PolicyException, EnforcerRuleException {
        InlineSettings inline = InlineSettings.none();
        set(inline, "modules", modules);
        set(inline, "directories", directories);
        set(inline, "prefix", prefix);
        set(inline, "layerFrom", layerFrom);
        set(inline, "excludes", excludes);
        set(inline, "v1Syntax", v1Syntax);
        EffectivePolicy effective = PolicyProperty.load(RepositoryRoot.of(root), policy, session, "regoPackages", inline, getLog());
        PolicyDocument.Rego settings = effective.document().rego();
        RegoPolicy.Builder builder = RegoPolicy.builder();
        if (settings == null) {
            return builder.build();
        }
        if (settings.modules() != null) {
            builder.modules(settings.modules());
        }
        if (settings.directories() != null) {
            builder.directories(settings.directories());
        }
        if (settings.prefix() != null) {
            builder.prefix(settings.prefix());
        }
        if (settings.layerFrom() != null) {
            builder.layerSource(LayerSource.parse(settings.layerFrom()));
        }
        if (settings.excludes() != null) {
            builder.excludes(settings.excludes());
        }
        if (settings.v1Syntax() != null) {
            builder.v1Syntax(V1Syntax.parse(settings.v1Syntax()));
        }
        return builder.build();
    }

    /**
     * Same root and same configuration: same outcome, so the enforcer runs the rule once per
     * reactor instead of once per module.
     */
    @Override
    public String getCacheId() {
        return ReactorRoot.cacheId(session, rootDirectory, directories, prefix, layerFrom, excludes, v1Syntax, modules, policy,
                PolicyProperty.property(session));
    }

    @Override
    public String toString() {
        return String.format("RegoPackages[rootDirectory=%s, directories=%s, prefix=%s, layerFrom=%s, excludes=%s, "
                + "v1Syntax=%s, modules=%s, policy=%s]", rootDirectory, directories, prefix, layerFrom, excludes, v1Syntax, modules,
                policy);
    }
}
