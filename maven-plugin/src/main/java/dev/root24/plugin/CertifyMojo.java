package dev.root24.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.root24.exec.BuiltInChecks;
import dev.root24.exec.CommandRunner;
import dev.root24.exec.SecretMask;
import dev.root24.policy.EffectivePolicy;
import dev.root24.policy.PolicyException;
import dev.root24.policy.PolicyLoader;
import dev.root24.policy.RepositoryRoot;
import dev.root24.report.CertifySettings;
import dev.root24.report.Certification;
import dev.root24.report.Certifier;
import dev.root24.report.ConsoleReport;
import dev.root24.report.DeclarationLines;
import dev.root24.report.GitCommit;
import dev.root24.report.MarkdownReport;
import dev.root24.report.ReportFiles;
import dev.root24.score.NextTierPath;
import dev.root24.score.NextTierSearch;
import dev.root24.score.Scoring;
import dev.root24.worm.CertificationRecord;
import dev.root24.worm.ChainVerification;
import dev.root24.worm.ChainVerifier;
import dev.root24.worm.WormAuditPhase;
import dev.root24.worm.WormException;
import dev.root24.worm.WormSettings;
import dev.root24.worm.WormStore;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Certifies the repository: scores its CI wiring (phase 1), runs its verification checks (phase
 * 2), takes the audit proof (phase 3), prints a table and the verdict, writes
 * {@code report.json}, {@code report.md} and {@code report.sarif}, and fails the build below
 * {@code failBelow}. Runs once per build, on the execution root project.
 *
 * <p>This class only reads configuration and translates outcomes; the work is done by
 * {@link Certifier}.
 */
@Mojo(name = "certify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CertifyMojo extends AbstractMojo {

    /** The classifier of the attached certification (the DSSE entry and the checkpoint). */
    static final String CLASSIFIER = "root24-certification";
    static final String CERTIFICATION = "certification.dsse.json";
    static final String CHAIN_VERIFICATION = "chain-verification.json";

    /**
     * The verification commands of phase 2, each a {@code <check>} with {@code id}, {@code command},
     * {@code timeout} (e.g. {@code 120s}), {@code acceptExitCodes} (e.g. {@code 0,1}),
     * {@code weight} (default 10), {@code shell} (default false) and {@code environment}. A check
     * with id {@code root24Lock} and no command runs the ROOT-24-LOCK check in-process.
     */
    @Parameter
    private List<Check> checks;

    /** A built-in tool list for phase 1 ({@code ssid}: the seed's seven tools), as in the {@code ciReferences} rule. */
    @Parameter(property = "root24.preset")
    private String preset;

    /** Phase 1 tools, as in the {@code ciReferences} rule; a tool with a preset tool's id replaces it. */
    @Parameter
    private List<Tool> tools;

    /** The lowest acceptable phase 1 score, 0..100; below it the build fails whatever the tier. Default 0. */
    @Parameter(property = "root24.minScore")
    private Integer minScore;

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
     * dependency) holding any of these settings; parameters set in the POM override it key by key.
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
     * {@code ${project.build.directory}/root24/worm}, which {@code mvn clean} removes: name a
     * persistent directory (in the repository or on a shared drive) for a chain that continues
     * across builds. A relative path is resolved against the repository root and may not leave it
     * (nor pass through a link that leads out of it); an absolute path may lie anywhere, e.g. on a
     * shared drive. Policy key {@code worm.store}.
     */
    @Parameter(property = "root24.wormStore")
    private String wormStore;

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

    /**
     * A {@code -D} on the command line wins over the POM: {@code -Droot24.failBelow=NONE} must turn a
     * configured gate off for one run, which Maven alone does not do for an explicitly set parameter.
     */
    private void applyCommandLine() {
        java.util.Properties user = session.getUserProperties();
        String gate = user.getProperty("root24.failBelow");
        if (gate != null && !gate.isBlank()) {
            failBelow = gate;
        }
        String skipping = user.getProperty("root24.skip");
        if (skipping != null) {
            skip = skipping.isBlank() || Boolean.parseBoolean(skipping.strip());
        }
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        applyCommandLine();
        if (skip) {
            getLog().info("root24:certify skipped (root24.skip)");
            return;
        }
        if (!project.isExecutionRoot()) {
            getLog().debug("root24:certify runs once, on the execution root; skipping " + project.getArtifactId());
            return;
        }
        Path root = root();
        Path out = outputDirectory.toPath().toAbsolutePath().normalize();
        Certification certification;
        Map<String, String> environment = System.getenv();
        // Every report, log line and message of this run is masked, not only the checks' output.
        SecretMask mask = SecretMask.of(environment);
        EffectivePolicy effective;
        WormSettings worm;
        WormStore store;
        ChainVerification before;
        try {
            RepositoryRoot repository = RepositoryRoot.of(root);
            effective = new PolicyLoader(repository, CertifyMojo.class.getClassLoader())
                    .load(blank(policy) ? null : policy.strip(), inline());
            if (getLog().isDebugEnabled()) {
                getLog().debug("root24:certify effective policy (sha256 " + effective.sha256() + ", from "
                        + (effective.sources().isEmpty() ? "the POM only" : String.join(" <- ", effective.sources()))
                        + "):" + System.lineSeparator() + effective.json());
            }
            CertifySettings settings = CertifySettings.from(effective.document(), repository);
            int threads = parallelism == null || parallelism <= 0 ? CommandRunner.defaultParallelism() : parallelism;
            if (outputTailChars < 0) {
                throw new PolicyException("outputTailChars must not be negative, got " + outputTailChars);
            }
            worm = WormSettings.from(effective.document().worm(), repository, out.resolve("worm"),
                    Optional.ofNullable(signingKey).map(f -> f.toPath().toAbsolutePath()), environment);
            store = openStore(worm.store());
            // Phase 3 judges the chain as it stands before this run adds to it.
            before = new ChainVerifier(worm.trustedKeys(), worm.trustedCheckpoint(), worm.algorithms())
                    .verify(store.directory());
            WormAuditPhase audit = new WormAuditPhase(before, !worm.trustedKeys().isEmpty(), worm.signsWithTrustedKeys(),
                    worm.evidence(), worm.storeInRepository());
            writeFile(out.resolve(CHAIN_VERIFICATION), mask.apply(before.toJson()));
            Path pom = project.getFile().toPath().toAbsolutePath().normalize();
            List<String> ids = settings.checks().stream().map(dev.root24.exec.Check::id).toList();
            Map<String, Object> inputs = inputs(settings, effective, threads, environment);
            inputs.put("worm", wormInputs(worm));
            Certifier certifier = new Certifier(repository, settings,
                    BuiltInChecks.none().with(BuiltInChecks.WORM_CHAIN, audit.chainCheck()), audit, threads,
                    outputTailChars, environment, Clock.systemUTC());
            certification = certifier.certify(plugin.getVersion(), GitCommit.of(root).orElse(null),
                    repository.relativize(pom), DeclarationLines.find(pom, ids), inputs);
        } catch (PolicyException e) {
            throw new MojoExecutionException(mask.apply("root24:certify: " + e.getMessage()));
        }
        new ConsoleReport().lines(certification).forEach(line -> getLog().info(mask.apply(line)));
        String summary = environment.get("GITHUB_STEP_SUMMARY");
        try {
            new ReportFiles(mask).write(certification, out, blank(summary) ? null : Path.of(summary));
        } catch (IOException e) {
            throw new MojoExecutionException("root24:certify: cannot write the reports to " + out + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        getLog().info("Reports: " + out.resolve(ReportFiles.JSON) + ", " + ReportFiles.MARKDOWN + ", " + ReportFiles.SARIF);
        try {
            WormStore.requireAppendable(before, worm.store(), out.resolve(CHAIN_VERIFICATION));
        } catch (WormException e) {
            throw new MojoExecutionException(mask.apply("root24:certify: " + e.getMessage()));
        }
        record(certification, effective, worm, store, out, mask);
        try {
            gate(certification);
        } catch (MojoFailureException e) {
            throw new MojoFailureException(mask.apply(e.getMessage()));
        }
    }

    /**
     * Appends this certification to the chain, signed as configured, and leaves the entry and the
     * new checkpoint in the output directory, attached to the project so that {@code mvn deploy}
     * ships them to the repository manager.
     */
    private void record(Certification certification, EffectivePolicy effective, WormSettings worm, WormStore store,
            Path out, SecretMask mask) throws MojoExecutionException {
        try {
            byte[] report = Files.readAllBytes(out.resolve(ReportFiles.JSON));
            Map<String, Integer> phases = new LinkedHashMap<>();
            phases.put("static_analysis", certification.scorecard().staticPhase().score());
            phases.put("dynamic_execution", certification.scorecard().dynamicPhase().score());
            phases.put("audit_proof", certification.scorecard().auditPhase().score());
            CertificationRecord entry = new CertificationRecord(project.getGroupId() + ":" + project.getArtifactId(),
                    certification.commit(), report, certification.scorecard().overall(),
                    certification.scorecard().tier().name(), phases, "sha256:" + effective.sha256(), plugin.getVersion());
            WormStore.AppendedEntry appended = store.append(entry, worm.signer());
            Path envelope = writeFile(out.resolve(CERTIFICATION), appended.envelope());
            Path checkpoint = writeFile(out.resolve(WormStore.CHECKPOINT_FILE),
                    appended.checkpoint().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            projectHelper.attachArtifact(project, "dsse.json", CLASSIFIER, envelope.toFile());
            projectHelper.attachArtifact(project, "checkpoint", CLASSIFIER, checkpoint.toFile());
            getLog().info("WORM entry " + appended.index() + " (" + (worm.signer().isSigned() ? "signed " + worm.signer()
                    : "unsigned: no signing key configured") + ") appended to " + worm.store());
        } catch (WormException | PolicyException e) {
            throw new MojoExecutionException(mask.apply("root24:certify: " + e.getMessage()));
        } catch (IOException e) {
            throw new MojoExecutionException("root24:certify: cannot record the certification in " + out + ": "
                    + e.getClass().getSimpleName());
        }
    }

    private static WormStore openStore(Path directory) throws PolicyException {
        try {
            return WormStore.open(directory);
        } catch (WormException e) {
            throw new PolicyException(e.getMessage());
        }
    }

    private static Path writeFile(Path file, byte[] content) throws PolicyException {
        try {
            return dev.root24.worm.OutputFile.replace(file, content);
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Map<String, Object> wormInputs(WormSettings worm) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("store", worm.storeInRepository() != null ? worm.storeInRepository() : worm.store().toString());
        inputs.put("signed", worm.signer().isSigned());
        inputs.put("signingKeyIds", worm.signer().keys().stream().map(k -> k.keyId()).toList());
        inputs.put("trustedKeyIds", worm.trustedKeys().stream().map(k -> k.keyId()).toList());
        inputs.put("trustedCheckpoint", worm.trustedCheckpoint() != null);
        inputs.put("algorithms", worm.algorithms().stream().map(a -> a.displayName()).sorted().toList());
        inputs.put("evidence", worm.evidence());
        return inputs;
    }

    private void gate(Certification c) throws MojoFailureException {
        var analysis = c.staticAnalysis();
        int min = minScore == null ? 0 : minScore;
        if (analysis != null && min > 0 && analysis.score() < min) {
            throw new MojoFailureException("root24:certify: static score " + analysis.score() + " is below minScore " + min);
        }
        if (!c.passesGate()) {
            NextTierPath path = c.nextTier();
            if (path.target() != c.failBelow()) {
                // Aim at the gate itself, not merely the next tier, when they differ.
                path = new NextTierSearch(new Scoring(c.scorecard().weights(), c.thresholds()))
                        .search(c.staticAnalysis(), c.checks(), c.audit(), c.failBelow());
            }
            StringBuilder message = new StringBuilder(c.scorecard().verdict() + " is below failBelow " + c.failBelow() + ".");
            message.append(System.lineSeparator()).append(MarkdownReport.nextTierText(path));
            throw new MojoFailureException(message.toString().strip());
        }
    }

    private Map<String, Object> inline() throws MojoExecutionException {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (root24Lock != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("expectedModules", root24Lock.expectedModules == null || root24Lock.expectedModules.isEmpty() ? null
                    : root24Lock.expectedModules);
            s.put("modulePattern", root24Lock.modulePattern);
            s.put("mavenDefaults", root24Lock.mavenDefaults);
            s.put("allowedFiles", root24Lock.allowedFiles);
            s.put("allowedDirectories", root24Lock.allowedDirectories);
            s.put("forbiddenPatterns", root24Lock.forbiddenPatterns);
            s.put("requiredModuleEntries", root24Lock.requiredModuleEntries);
            s.put("ignore", root24Lock.ignore);
            s.put("exceptionsFile", blank(root24Lock.exceptionsFile) ? null : root24Lock.exceptionsFile.strip());
            s.put("structurePolicyFile", blank(root24Lock.structurePolicyFile) ? null : root24Lock.structurePolicyFile.strip());
            tree.put("structure", s);
        }
        Map<String, Object> ci = new LinkedHashMap<>();
        ci.put("preset", blank(preset) ? null : preset.strip());
        ci.put("minScore", minScore);
        if (tools != null) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Tool t : tools) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.id);
                m.put("path", t.path);
                m.put("referencedBy", t.referencedBy);
                m.put("maxScore", t.maxScore);
                m.put("description", t.description);
                list.add(m);
            }
            ci.put("tools", list);
        }
        tree.put("ci", ci);
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
                list.add(m);
            }
            tree.put("checks", list);
        }
        Map<String, Object> weights = new LinkedHashMap<>();
        weights.put("static", staticWeight);
        weights.put("dynamic", dynamicWeight);
        weights.put("audit", auditWeight);
        Map<String, Object> scoring = new LinkedHashMap<>();
        scoring.put("weights", weights);
        if (tiers != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("platinum", tiers.platinum);
            t.put("gold", tiers.gold);
            t.put("silver", tiers.silver);
            t.put("bronze", tiers.bronze);
            scoring.put("tiers", t);
        }
        tree.put("scoring", scoring);
        Map<String, Object> wormTree = new LinkedHashMap<>();
        // Kept as typed: a File parameter would make "../outside" absolute, and so allowed.
        wormTree.put("store", blank(wormStore) ? null : wormStore.strip());
        wormTree.put("signatureAlgorithms", blank(signatureAlgorithms) ? null
                : java.util.Arrays.stream(signatureAlgorithms.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList());
        wormTree.put("trustedKeys", trustedKeys == null || trustedKeys.isEmpty() ? null : trustedKeys);
        wormTree.put("trustedCheckpoint", blank(trustedCheckpoint) ? null : trustedCheckpoint.strip());
        wormTree.put("evidence", evidence == null || evidence.isEmpty() ? null : evidence);
        tree.put("worm", wormTree);
        if (!blank(failBelow)) {
            String tier = failBelow.strip().toUpperCase(java.util.Locale.ROOT);
            if (!List.of("PLATINUM", "GOLD", "SILVER", "BRONZE", "NONE").contains(tier)) {
                throw new MojoExecutionException("root24:certify: failBelow '" + failBelow
                        + "' is not a tier (NONE, BRONZE, SILVER, GOLD, PLATINUM)");
            }
            tree.put("failBelow", tier);
        }
        return tree;
    }

    private static List<Integer> exitCodes(Check c) throws MojoExecutionException {
        if (blank(c.acceptExitCodes)) {
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

    private Map<String, Object> inputs(CertifySettings settings, EffectivePolicy effective, int threads,
                                       Map<String, String> environment) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        Map<String, Object> policyInfo = new LinkedHashMap<>();
        policyInfo.put("sources", effective.sources());
        policyInfo.put("sha256", effective.sha256());
        inputs.put("policy", policyInfo);
        inputs.put("preset", settings.preset());
        inputs.put("minScore", settings.minScore());
        inputs.put("failBelow", settings.failBelow().name());
        inputs.put("parallelism", threads);
        inputs.put("outputTailChars", outputTailChars);
        Map<String, Object> lock = new LinkedHashMap<>();
        var s = settings.structure();
        lock.put("expectedModules", s.expectedModules());
        lock.put("modulePattern", s.modulePattern().pattern());
        lock.put("allowedFiles", new java.util.TreeSet<>(s.allowedFiles()));
        lock.put("allowedDirectories", new java.util.TreeSet<>(s.allowedDirectories()));
        lock.put("forbiddenPatterns", s.forbiddenPatterns());
        lock.put("requiredModuleEntries", s.requiredModuleEntries());
        lock.put("ignore", s.ignore());
        inputs.put("root24Lock", lock);
        inputs.put("secretMaskedVariables", environment.keySet().stream().filter(SecretMask::looksSecret).sorted().toList());
        return inputs;
    }

    private Path root() throws MojoExecutionException {
        File topProject = session.getTopLevelProject() == null ? null : session.getTopLevelProject().getBasedir();
        return RepositoryRoot.choose(rootDirectory, session.getRequest().getMultiModuleProjectDirectory(), topProject)
                .orElseThrow(() -> new MojoExecutionException("root24:certify: cannot tell the repository root; set <rootDirectory>"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
