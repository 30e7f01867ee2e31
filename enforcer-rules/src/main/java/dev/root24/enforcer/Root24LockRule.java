package dev.root24.enforcer;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.inject.Inject;
import javax.inject.Named;

import dev.root24.findings.Declarations;
import dev.root24.findings.RuleFindings;
import dev.root24.policy.EffectivePolicy;
import dev.root24.policy.InlineSettings;
import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import dev.root24.structure.StructureLock;
import dev.root24.structure.StructurePolicy;
import dev.root24.structure.StructureReport;
import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * The ROOT-24-LOCK: the repository root holds exactly the locked module directories plus an
 * allow-list of other entries. Declared as {@code <root24Lock/>} in the enforcer's rules.
 *
 * <p>This class only reads configuration and translates outcomes; the check itself is
 * {@link StructureLock}.
 */
@Named("root24Lock")
public final class Root24LockRule extends AbstractEnforcerRule {

    /**
     * The repository root to check. Default: the reactor's top-level directory
     * ({@code maven.multiModuleProjectDirectory}), so the rule runs once for the whole repository.
     */
    private File rootDirectory;

    /** The exact set of locked module directories. Default: the 24 ROOT-24 modules. */
    private List<String> expectedModules;

    /**
     * A regular expression; a root directory that matches it but is not one of
     * {@code expectedModules} is reported. Default {@code ^[0-9]{2}_.+$}.
     */
    private String modulePattern;

    /** Regular files allowed at the root, in addition to the Maven allow-list. Exact names. */
    private List<String> allowedFiles;

    /** Directories allowed at the root, in addition to the Maven allow-list. Exact names. */
    private List<String> allowedDirectories;

    /**
     * Whether the Maven allow-list applies: {@code pom.xml}, {@code mvnw}, {@code mvnw.cmd},
     * {@code .mvn}, {@code target}, {@code .git}, {@code .github}, {@code .gitignore},
     * {@code .gitattributes}, {@code LICENSE}, {@code README.md}. Default {@code true}.
     */
    private Boolean mavenDefaults;

    /**
     * Globs of root entries that are never allowed, whatever the allow-lists say. Replaces the
     * default {@code *.zip, *.tar, *.tar.gz, *.tgz, *.7z, *.rar, .coverage} when given.
     */
    private List<String> forbiddenPatterns;

    /**
     * Entries every locked module must contain, relative to the module; a trailing {@code /}
     * means a directory (e.g. {@code README.md}, {@code module.yaml}, {@code docs/}). Default none.
     */
    private List<String> requiredModuleEntries;

    /** Globs of root entries the rule does not look at (e.g. {@code .idea}). */
    private List<String> ignore;

    /**
     * A repository-relative YAML file in the SSID report's {@code root_level_exceptions.yaml} layout whose
     * {@code allowed_files} and {@code allowed_directories} are added to the allow-lists.
     */
    private String exceptionsFile;

    /**
     * A repository-relative {@code structure_policy.yaml} in the SSID report's layout ({@code version},
     * {@code root_24_lock}, {@code module_pattern}) whose modules and pattern are used unless
     * {@code expectedModules}/{@code modulePattern} are set.
     */
    private String structurePolicyFile;

    /**
     * A {@code root24-policy.yaml}: a repository-relative path or {@code classpath:a/b.yaml} (from
     * a jar added as a dependency of the enforcer plugin). Its {@code structure:} section
     * configures this rule; every parameter set inline overrides the same key of the file, unless
     * the policy locks it. Default: the {@code root24.policy} property, which names the policy
     * once for every rule and {@code root24:certify}; when both are set they must agree.
     */
    private String policy;

    private final MavenSession session;
    private final RuntimeInformation runtime;

    @Inject
    public Root24LockRule(MavenSession session, RuntimeInformation runtime) {
        this.session = Objects.requireNonNull(session);
        this.runtime = Objects.requireNonNull(runtime);
    }

    @Override
    public void execute() throws EnforcerRuleException {
        if (SkipSwitch.on(session.getUserProperties(), session.getSystemProperties())) {
            getLog().info(SkipSwitch.message("root24Lock"));
            return;
        }
        MavenVersionRequirement.check(runtime, "root24Lock");
        Path root = ReactorRoot.resolve(rootDirectory, session, "root24Lock");
        StructureReport report;
        EffectivePolicy effective;
        try {
            effective = effective(root);
            StructureLock lock = new StructureLock(StructurePolicy.from(effective.document().structure(), RepositoryRoot.of(root)));
            report = lock.check(root);
        } catch (PolicyException e) {
            ReportOutput.write(session, root, getLog(), "root24Lock", false, "The rule could not run: its configuration is invalid.",
                    ReportOutput.declarations(session, root, "root24Lock", Map.of()), RuleFindings.configurationError("root24Lock", e));
            throw new EnforcerRuleError("root24Lock: " + e.getMessage());
        }
        // Written before the verdict so a failing validate still leaves a report for CI.
        Declarations declarations = ReportOutput.declarations(session, root, "root24Lock", effective.provenance());
        ReportOutput.write(session, root, getLog(), "root24Lock", report.passed(),
                "ROOT-24-LOCK: " + report.modulesFound() + "/" + report.modulesExpected() + " locked modules, "
                        + report.violations().size() + " violation(s).", declarations, RuleFindings.of(report, declarations));
        if (!report.passed()) {
            throw new EnforcerRuleException(report.format());
        }
        getLog().info(report.summary());
    }

    /** The policy with the POM parameters laid over it; its provenance places the findings. */
    private EffectivePolicy effective(Path root) throws PolicyException, EnforcerRuleError {
        RepositoryRoot repository = RepositoryRoot.of(root);
        InlineSettings inline = InlineSettings.none();
        set(inline, "expectedModules", expectedModules);
        set(inline, "modulePattern", modulePattern);
        set(inline, "mavenDefaults", mavenDefaults);
        set(inline, "allowedFiles", allowedFiles);
        set(inline, "allowedDirectories", allowedDirectories);
        set(inline, "forbiddenPatterns", forbiddenPatterns);
        set(inline, "requiredModuleEntries", requiredModuleEntries);
        set(inline, "ignore", ignore);
        set(inline, "exceptionsFile", exceptionsFile);
        set(inline, "structurePolicyFile", structurePolicyFile);
        return PolicyProperty.load(repository, policy, session, "root24Lock", inline, getLog());
    }

    private void set(InlineSettings inline, String parameter, Object value) {
        inline.set("structure." + parameter, value, PolicyProperty.pomParameter(session, "<root24Lock><" + parameter + ">"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Same root and same configuration: same outcome, so the enforcer runs the rule once per
     * reactor instead of once per module.
     */
    @Override
    public String getCacheId() {
        return ReactorRoot.cacheId(session, rootDirectory, expectedModules, modulePattern, allowedFiles, allowedDirectories,
                mavenDefaults, forbiddenPatterns, requiredModuleEntries, ignore, exceptionsFile, structurePolicyFile, policy, PolicyProperty.property(session));
    }

    @Override
    public String toString() {
        return String.format(
                "Root24Lock[rootDirectory=%s, expectedModules=%s, modulePattern=%s, allowedFiles=%s, "
                        + "allowedDirectories=%s, mavenDefaults=%s, forbiddenPatterns=%s, requiredModuleEntries=%s, "
                        + "ignore=%s, exceptionsFile=%s, structurePolicyFile=%s, policy=%s]",
                rootDirectory, expectedModules, modulePattern, allowedFiles, allowedDirectories, mavenDefaults,
                forbiddenPatterns, requiredModuleEntries, ignore, exceptionsFile, structurePolicyFile, policy);
    }
}
