package dev.root24.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import dev.root24.enforcer.CountedRunsParameter;
import dev.root24.enforcer.Tool;
import dev.root24.policy.InlineSettings;
import dev.root24.policy.PolicyException;
import dev.root24.policy.PolicyLocation;
import dev.root24.policy.RepositoryRoot;
import dev.root24.policy.SettingSource;
import dev.root24.report.CertifyExecutor;
import dev.root24.report.ReportFiles;
import dev.root24.resolve.DeployedCertifications;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.InputLocation;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Certifies the repository: scores its CI wiring (phase 1), runs its verification checks (phase
 * 2), takes the audit proof (phase 3), prints a table and the verdict, writes
 * {@code report.json}, {@code report.md} and {@code report.sarif}, and fails the build below
 * {@code failBelow}. Runs once per build, on the execution root project.
 *
 * <p>Every setting may come from the organisation's policy ({@code root24.policy}); a POM
 * parameter or a {@code -D} property overrides it unless the policy locks the key, and each
 * override is recorded with its source in the report and the signed statement.
 */
// Only gathers parameters, with their sources, and attaches the outputs; the work is
// CertifyExecutor's. (Not in the Javadoc above, which is the goal's help text: users need what
// it does, not which class does it.)
@Mojo(name = "certify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CertifyMojo extends AbstractMojo {

    /** The classifier of the attached certification (the DSSE entry and the checkpoint). */
    static final String CLASSIFIER = dev.root24.resolve.DeployedCertifications.CLASSIFIER;

    /**
     * The verification commands of phase 2, each a {@code <check>} with {@code id}, {@code command},
     * {@code timeout} (e.g. {@code 120s}), {@code acceptExitCodes} (e.g. {@code 0,1}),
     * {@code weight} (default 10), {@code shell} (default false) and {@code environment}. A check
     * with id {@code root24Lock} and no command runs the ROOT-24-LOCK check in-process.
     */
    @Parameter
    private List<Check> checks;

    /** A built-in tool list for phase 1 ({@code ssid}: the SSID report's seven tools), as in the {@code ciReferences} rule. */
    @Parameter(property = "root24.preset")
    private String preset;

    /** Phase 1 tools, as in the {@code ciReferences} rule; a tool with a preset tool's id replaces it. */
    @Parameter
    private List<Tool> tools;

    /** The lowest acceptable phase 1 score, 0..100; below it the build fails whatever the tier. Default 0. */
    @Parameter(property = "root24.minScore")
    private Integer minScore;

    /**
     * The CI runs in which a phase 1 reference counts, for every tool without its own, as in the
     * {@code ciReferences} rule: {@code <events>} and {@code <branches>}. Default: push or
     * pull_request to main or master.
     */
    @Parameter
    private CountedRunsParameter countedRuns;

    /** Settings of the built-in {@code root24Lock} check: the {@code root24Lock} rule's parameters. */
    @Parameter
    private LockSettings root24Lock;

    /** Weight of phase 1 (static, CI references) in percent. Default 35; the three weights must sum to 100. */
    @Parameter(property = "root24.staticWeight")
    private Integer staticWeight;

    /** Weight of phase 2 (dynamic, checks) in percent. Default 40. */
    @Parameter(property = "root24.dynamicWeight")
    private Integer dynamicWeight;

    /** Weight of phase 3 (audit proof) in percent. Default 25. */
    @Parameter(property = "root24.auditWeight")
    private Integer auditWeight;

    /** Lowest overall score of each tier: {@code platinum} 95, {@code gold} 85, {@code silver} 70, {@code bronze} 50. */
    @Parameter
    private Tiers tiers;

    /**
     * The build fails when the tier is below this one: {@code PLATINUM}, {@code GOLD},
     * {@code SILVER}, {@code BRONZE} or {@code NONE}. Default {@code NONE}: report without failing.
     */
    @Parameter(property = "root24.failBelow")
    private String failBelow;

    /**
     * A {@code root24-policy.yaml} (repository-relative, or {@code classpath:...} from a plugin
     * dependency) holding any of these settings; parameters set in the POM override it key by
     * key, except the keys it locks. Name it once, as the {@code root24.policy} property, which the
     * rules read too; when this parameter is set as well, the two must agree.
     */
    @Parameter(property = "root24.policy")
    private String policy;

    /** Skip the certification. */
    @Parameter(property = "root24.skip", defaultValue = "false")
    private boolean skip;

    /** How many checks run at once. Default: the number of processors. */
    @Parameter(property = "root24.parallelism")
    private Integer parallelism;

    /** How many characters of each check's stdout and stderr are kept. */
    @Parameter(property = "root24.outputTailChars", defaultValue = "4000")
    private int outputTailChars;

    /** Where {@code report.json}, {@code report.md} and {@code report.sarif} are written. */
    @Parameter(property = "root24.outputDirectory", defaultValue = "${project.build.directory}/root24")
    private File outputDirectory;

    /**
     * The repository root: working directory of the checks and root of every path. Default: the
     * reactor's top-level directory ({@code maven.multiModuleProjectDirectory}).
     */
    @Parameter(property = "root24.rootDirectory")
    private File rootDirectory;

    /**
     * The WORM chain this run appends its signed entry to. Default
     * <code>${project.build.directory}/root24/worm</code>, which {@code mvn clean} removes: name a
     * persistent directory (in the repository or on a shared drive) for a chain that continues
     * across builds. A relative path is resolved against the repository root and may not leave it
     * (nor pass through a link that leads out of it); an absolute path may lie anywhere, e.g. on a
     * shared drive. Policy key {@code worm.store}.
     */
    @Parameter(property = "root24.wormStore")
    private String wormStore;

    /**
     * Where the chain continues from: {@code directory} (the default), the {@code wormStore}
     * directory; or {@code repository}, the certifications already deployed for this
     * {@code groupId:artifactId}: the run resolves them (every release, and the latest snapshot),
     * verifies the chain they form, and links its entry to the newest release's. The entry is
     * published by {@code mvn deploy}, attached as {@code root24-certification}. On an ephemeral
     * CI runner only {@code repository} gives a chain longer than one entry. Policy key
     * {@code worm.chainStore}, which an organisation locks to make every build continue the
     * deployed chain. See docs/worm.md.
     */
    @Parameter(property = "root24.chainStore")
    private String chainStore;

    /**
     * With {@code chainStore=repository}: the URL of the repository the certifications are
     * deployed to (e.g. the release repository of {@code distributionManagement}, or the URL given
     * to {@code altDeploymentRepository}). Default: the build's own repositories. Credentials come
     * from the settings' {@code <server>} with id {@code root24-chain}. Policy key
     * {@code worm.chainRepository}.
     */
    @Parameter(property = "root24.chainRepository")
    private String chainRepository;

    /**
     * A PEM file holding the PKCS#8 private key(s) that sign the entry (see {@code root24:keygen}).
     * When unset, the PEM text in the environment variable {@code ROOT24_SIGNING_KEY} is used (a CI
     * secret); when neither is set the entry is hash-chained and marked unsigned. The key never
     * appears in a report, a log line or a message.
     */
    @Parameter(property = "root24.signingKey")
    private File signingKey;

    /**
     * The signatures each entry carries and each verified entry must have: {@code ML-DSA-44},
     * {@code Ed25519} or both, comma-separated. Setting it without a key fails the build rather
     * than writing unsigned entries. Policy key {@code worm.signatureAlgorithms}.
     */
    @Parameter(property = "root24.signatureAlgorithms")
    private String signatureAlgorithms;

    /**
     * Repository-relative SPKI PEM files of the public keys whose signatures count for the audit
     * phase. Policy key {@code worm.trustedKeys}.
     */
    @Parameter(property = "root24.trustedKeys")
    private List<String> trustedKeys;

    /**
     * A repository-relative checkpoint saved earlier (e.g. by an auditor): the chain must be a
     * consistent extension of it, which detects truncation and rollback. Policy key
     * {@code worm.trustedCheckpoint}.
     */
    @Parameter(property = "root24.trustedCheckpoint")
    private String trustedCheckpoint;

    /**
     * Repository-relative files the audit phase requires to exist (e.g. an audit trail).
     * Policy key {@code worm.evidence}.
     */
    @Parameter
    private List<String> evidence;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Component
    private MavenProjectHelper projectHelper;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    @Component
    private CertifyExecutor executor;

    @Component
    private DeployedCertifications certifications;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Properties user = session.getUserProperties();
        if (user.getProperty("root24.skip") != null) {
            // A -D wins over the POM, so one run can be skipped whatever the POM says.
            String skipping = user.getProperty("root24.skip");
            skip = skipping.isBlank() || Boolean.parseBoolean(skipping.strip());
        }
        if (skip) {
            getLog().info("root24:certify skipped (root24.skip)");
            return;
        }
        if (!project.isExecutionRoot()) {
            // In a full build the root certifies and the modules stay quiet; with -pl the root is
            // not in the reactor, so nothing certifies and the user must be told, once per build.
            boolean rootInReactor = session.getProjects().stream().anyMatch(MavenProject::isExecutionRoot);
            if (!rootInReactor && session.getRepositorySession().getData().set(CertifyMojo.class.getName() + ".warned", null, Boolean.TRUE)) {
                getLog().warn("root24:certify did not certify: it runs only on the execution root, which is not in this build ("
                        + project.getArtifactId() + " was selected, e.g. with -pl); to certify, run mvn verify from the repository root");
            } else {
                getLog().debug("root24:certify runs once, on the execution root; skipping " + project.getArtifactId());
            }
            return;
        }
        CertifyExecutor.Result result;
        try {
            String location = PolicyLocation.choose(configured("policy") ? blankToNull(policy) : null,
                    PolicyLocation.property(user.getProperty(PolicyLocation.PROPERTY),
                            project.getProperties().getProperty(PolicyLocation.PROPERTY)), "<policy>");
            CertifyExecutor.Request request = new CertifyExecutor.Request(root(), location, inline(),
                    outputDirectory.toPath(), Optional.ofNullable(signingKey).map(f -> f.toPath().toAbsolutePath()),
                    System.getenv(), CertifyMojo.class.getClassLoader(),
                    project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion(), plugin.getVersion(),
                    project.getFile().toPath(), parallelism, outputTailChars, line -> getLog().debug(line),
                    repositoryStore());
            result = executor.certify(request, getLog()::info);
        } catch (PolicyException | IllegalArgumentException e) {
            throw new MojoExecutionException("root24:certify: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("root24:certify: cannot write the reports to " + outputDirectory + ": "
                    + e.getClass().getSimpleName());
        }
        result.policy().overrides().forEach(o -> getLog().info("Override: " + o.key() + " = " + o.effectiveValue()
                + " (policy: " + o.policyValue() + ") by " + o.source().display()));
        result.worm().ignoredKeys().forEach(k -> getLog().warn(k));
        Path out = result.envelope().getParent();
        getLog().info("Reports: " + out.resolve(ReportFiles.JSON) + ", " + ReportFiles.MARKDOWN + ", " + ReportFiles.SARIF);
        projectHelper.attachArtifact(project, "dsse.json", CLASSIFIER, result.envelope().toFile());
        projectHelper.attachArtifact(project, "checkpoint", CLASSIFIER, result.checkpoint().toFile());
        getLog().info("WORM entry " + result.appended().index() + " (" + (result.worm().signer().isSigned()
                ? "signed " + result.worm().signer() : "unsigned: no signing key configured")
                + (result.appended().file() == null ? ") built; mvn deploy publishes it to the repository chain"
                : ") appended to " + result.worm().store()));
        if (result.gateFailure() != null) {
            throw new MojoFailureException(result.gateFailure());
        }
    }

    /** What opens the chain deployed to a repository, when the effective policy asks for one. */
    private CertifyExecutor.RepositoryStore repositoryStore() {
        return (url, groupId, artifactId) -> certifications.chain(session.getRepositorySession(),
                DeployedCertifications.repositories(session.getRepositorySession(), project.getRemoteProjectRepositories(),
                        url), groupId, artifactId, java.time.Clock.systemUTC());
    }

    /** The parameters set in the POM or by a user property, under their policy keys and with their sources. */
    private InlineSettings inline() throws MojoExecutionException {
        InlineSettings inline = InlineSettings.none();
        if (root24Lock != null) {
            String where = "<root24Lock>";
            inline.set("structure.expectedModules", root24Lock.expectedModules, pom(where + "<expectedModules>"))
                    .set("structure.modulePattern", root24Lock.modulePattern, pom(where + "<modulePattern>"))
                    .set("structure.mavenDefaults", root24Lock.mavenDefaults, pom(where + "<mavenDefaults>"))
                    .set("structure.allowedFiles", root24Lock.allowedFiles, pom(where + "<allowedFiles>"))
                    .set("structure.allowedDirectories", root24Lock.allowedDirectories, pom(where + "<allowedDirectories>"))
                    .set("structure.forbiddenPatterns", root24Lock.forbiddenPatterns, pom(where + "<forbiddenPatterns>"))
                    .set("structure.requiredModuleEntries", root24Lock.requiredModuleEntries,
                            pom(where + "<requiredModuleEntries>"))
                    .set("structure.ignore", root24Lock.ignore, pom(where + "<ignore>"))
                    .set("structure.exceptionsFile", root24Lock.exceptionsFile, pom(where + "<exceptionsFile>"))
                    .set("structure.structurePolicyFile", root24Lock.structurePolicyFile, pom(where + "<structurePolicyFile>"));
        }
        inline.set("ci.preset", preset, source("preset", "root24.preset"));
        inline.set("ci.minScore", minScore, source("minScore", "root24.minScore"));
        if (countedRuns != null) {
            inline.set("ci.countedRuns", countedRuns.toSettings(), pom("<countedRuns>"));
        }
        if (tools != null) {
            inline.set("ci.tools", tools.stream().map(Tool::toSettings).toList(), pom("<tools>"));
        }
        if (checks != null) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Check c : checks) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id);
                m.put("command", c.command);
                m.put("timeout", c.timeout);
                m.put("acceptExitCodes", exitCodes(c));
                m.put("weight", c.weight);
                m.put("shell", c.shell);
                m.put("environment", c.environment);
                m.values().removeIf(java.util.Objects::isNull);
                list.add(m);
            }
            inline.set("checks", list, pom("<checks>"));
        }
        inline.set("scoring.weights.static", staticWeight, source("staticWeight", "root24.staticWeight"))
                .set("scoring.weights.dynamic", dynamicWeight, source("dynamicWeight", "root24.dynamicWeight"))
                .set("scoring.weights.audit", auditWeight, source("auditWeight", "root24.auditWeight"));
        if (tiers != null) {
            inline.set("scoring.tiers.platinum", tiers.platinum, pom("<tiers><platinum>"))
                    .set("scoring.tiers.gold", tiers.gold, pom("<tiers><gold>"))
                    .set("scoring.tiers.silver", tiers.silver, pom("<tiers><silver>"))
                    .set("scoring.tiers.bronze", tiers.bronze, pom("<tiers><bronze>"));
        }
        // Kept as typed: a File parameter would make "../outside" absolute, and so allowed.
        inline.set("worm.store", blankToNull(wormStore), source("wormStore", "root24.wormStore"))
                .set("worm.signatureAlgorithms", blankToNull(signatureAlgorithms) == null ? null
                        : Arrays.stream(signatureAlgorithms.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList(),
                        source("signatureAlgorithms", "root24.signatureAlgorithms"))
                .set("worm.trustedKeys", trustedKeys, source("trustedKeys", "root24.trustedKeys"))
                .set("worm.trustedCheckpoint", trustedCheckpoint, source("trustedCheckpoint", "root24.trustedCheckpoint"))
                .set("worm.evidence", evidence, pom("<evidence>"))
                .set("worm.chainStore", blankToNull(chainStore) == null ? null : chainStore.strip().toLowerCase(Locale.ROOT),
                        source("chainStore", "root24.chainStore"))
                .set("worm.chainRepository", blankToNull(chainRepository), source("chainRepository", "root24.chainRepository"));
        String gate = session.getUserProperties().getProperty("root24.failBelow");
        // A -D wins over the POM here, so -Droot24.failBelow=NONE can turn a gate off for one
        // run; unless the policy locks failBelow, which the loader then refuses.
        String tier = blankToNull(gate) != null ? gate : blankToNull(failBelow);
        if (tier != null) {
            try {
                // Tier.parse gives the "did you mean" the policy file gives for the same key.
                tier = dev.root24.score.Tier.parse(tier).name();
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("root24:certify: failBelow " + e.getMessage());
            }
            inline.set("failBelow", tier, blankToNull(gate) != null ? new SettingSource.UserProperty("root24.failBelow")
                    : source("failBelow", null));
        }
        return inline;
    }

    /** A parameter's source: a user property unless the POM sets the parameter itself. */
    private SettingSource source(String parameter, String property) {
        if (property != null && session.getUserProperties().getProperty(property) != null && !configured(parameter)) {
            return new SettingSource.UserProperty(property);
        }
        return pom("<" + parameter + ">");
    }

    private SettingSource pom(String parameter) {
        String top = parameter.substring(1, parameter.indexOf('>'));
        Xpp3Dom child = execution.getConfiguration() == null ? null : execution.getConfiguration().getChild(top);
        String where = project.getId();
        if (child != null && child.getInputLocation() instanceof InputLocation location && location.getSource() != null) {
            where = location.getSource().getModelId() + ":" + location.getLineNumber();
        }
        return new SettingSource.PomParameter(parameter, where);
    }

    /** Whether the POM sets {@code parameter} itself, not through its default property expression. */
    private boolean configured(String parameter) {
        Xpp3Dom child = execution.getConfiguration() == null ? null : execution.getConfiguration().getChild(parameter);
        if (child == null) {
            return false;
        }
        String value = child.getValue();
        return child.getChildCount() > 0 || value != null && !value.strip().startsWith("${");
    }

    private static List<Integer> exitCodes(Check c) throws MojoExecutionException {
        if (blankToNull(c.acceptExitCodes) == null) {
            return null;
        }
        List<Integer> codes = new ArrayList<>();
        for (String part : c.acceptExitCodes.split(",")) {
            try {
                codes.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new MojoExecutionException("root24:certify: check '" + c.id + "': acceptExitCodes '"
                        + c.acceptExitCodes + "' is not a comma-separated list of exit codes");
            }
        }
        return codes;
    }

    private Path root() throws MojoExecutionException {
        File topProject = session.getTopLevelProject() == null ? null : session.getTopLevelProject().getBasedir();
        return RepositoryRoot.choose(rootDirectory, session.getRequest().getMultiModuleProjectDirectory(), topProject)
                .orElseThrow(() -> new MojoExecutionException("root24:certify: cannot tell the repository root; set <rootDirectory>"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
