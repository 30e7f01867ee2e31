package dev.root24.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

import javax.inject.Named;
import javax.inject.Singleton;

import dev.root24.exec.BuiltInChecks;
import dev.root24.exec.CheckResult;
import dev.root24.exec.CommandRunner;
import dev.root24.exec.SecretMask;
import dev.root24.policy.EffectivePolicy;
import dev.root24.policy.InlineSettings;
import dev.root24.policy.PolicyException;
import dev.root24.policy.PolicyLoader;
import dev.root24.policy.PolicyOverride;
import dev.root24.policy.RepositoryRoot;
import dev.root24.score.NextTierPath;
import dev.root24.score.NextTierSearch;
import dev.root24.score.Scoring;
import dev.root24.worm.CertificationClaims;
import dev.root24.worm.CertificationRecord;
import dev.root24.worm.ChainStore;
import dev.root24.worm.ChainVerification;
import dev.root24.worm.ChainVerifier;
import dev.root24.worm.DigestAlgorithm;
import dev.root24.worm.RepositoryChainStore;
import dev.root24.worm.WormAuditPhase;
import dev.root24.worm.WormException;
import dev.root24.worm.WormSettings;
import dev.root24.worm.WormStore;

/**
 * The whole of {@code root24:certify} without Maven: loads the effective policy (locks enforced),
 * runs the three phases, writes the reports, appends the signed statement to the chain and says
 * whether the gate passed. The mojo only gathers its parameters and attaches the outputs.
 */
@Named
@Singleton
public class CertifyExecutor {

    /** The signed entry as the build attaches it. */
    public static final String CERTIFICATION = "certification.dsse.json";
    /** The chain as verified before this run appended to it. */
    public static final String CHAIN_VERIFICATION = "chain-verification.json";

    /**
     * One run's inputs.
     *
     * @param root the repository root
     * @param policyLocation the policy (repository path or {@code classpath:}), or null
     * @param inline the POM parameters and user properties, each with its source
     * @param outputDirectory where reports and the attached entry go
     * @param signingKey a PEM key file, else {@code ROOT24_SIGNING_KEY} from the environment
     * @param environment the environment checks inherit (secrets in it are masked)
     * @param resources where {@code classpath:} policies, keys and checkpoints are read
     * @param project {@code groupId:artifactId:version}
     * @param pluginVersion this plugin's version
     * @param pom the project's POM
     * @param parallelism how many checks run at once (null or ≤ 0: the processor count)
     * @param outputTailChars characters of each check's output kept
     * @param debug where debug lines go
     * @param repositoryStore opens the repository chain store when {@code worm.chainStore} is {@code repository};
     *                        null where no repository can be read
     */
    public record Request(Path root, String policyLocation, InlineSettings inline, Path outputDirectory,
            Optional<Path> signingKey, Map<String, String> environment, ClassLoader resources, String project,
            String pluginVersion, Path pom, Integer parallelism, int outputTailChars, Consumer<String> debug,
            RepositoryStore repositoryStore) {}

    /** Opens the chain of {@code groupId:artifactId} as deployed to the repository at {@code url}, or the build's (null). */
    @FunctionalInterface
    public interface RepositoryStore {
        RepositoryChainStore open(String url, String groupId, String artifactId) throws PolicyException;
    }

    /**
     * @param certification the scored certification
     * @param policy the effective policy it used
     * @param worm the chain settings
     * @param appended the entry appended to the chain
     * @param envelope the entry's copy in the output directory
     * @param checkpoint the new checkpoint's copy in the output directory
     * @param gateFailure why the build must fail (below failBelow or minScore), or null
     */
    public record Result(Certification certification, EffectivePolicy policy, WormSettings worm,
            WormStore.AppendedEntry appended, Path envelope, Path checkpoint, String gateFailure) {}

    /**
     * @throws PolicyException for a configuration mistake, with a one-line message
     * @throws IOException when the reports cannot be written
     */
    public Result certify(Request request, Consumer<String> console) throws PolicyException, IOException {
        // Every report, log line and message of this run is masked, not only the checks' output.
        SecretMask mask = SecretMask.of(request.environment());
        try {
            return run(request, line -> console.accept(mask.apply(line)), mask);
        } catch (PolicyException e) {
            throw new PolicyException(mask.apply(e.getMessage()));
        }
    }

    private Result run(Request request, Consumer<String> console, SecretMask mask) throws PolicyException, IOException {
        Path root = request.root();
        Path out = request.outputDirectory().toAbsolutePath().normalize();
        RepositoryRoot repository = RepositoryRoot.of(root);
        EffectivePolicy effective = new PolicyLoader(repository, request.resources()).load(request.policyLocation(),
                request.inline());
        request.debug().accept("root24:certify effective policy (sha256 " + effective.sha256() + ", from "
                + (effective.sources().isEmpty() ? "the POM only" : String.join(" <- ", effective.sources())) + "):"
                + System.lineSeparator() + effective.json());
        CertifySettings settings = CertifySettings.from(effective.document(), repository);
        int threads = request.parallelism() == null || request.parallelism() <= 0 ? CommandRunner.defaultParallelism()
                : request.parallelism();
        if (request.outputTailChars() < 0) {
            throw new PolicyException("outputTailChars must not be negative, got " + request.outputTailChars());
        }
        WormSettings worm = WormSettings.from(effective.document().worm(), repository, out.resolve("worm"),
                request.signingKey(), request.environment(), request.resources(), effective.provenance().get("worm.trustedKeys"));
        ChainStore store = chainStore(request, worm);
        // Phase 3 judges the chain as it stands before this run adds to it.
        ChainVerification before = new ChainVerifier(worm.trustedKeys(), worm.trustedCheckpoint(), worm.algorithms())
                .verify(store);
        WormAuditPhase audit = WormAuditPhase.of(before, worm);
        if (store instanceof RepositoryChainStore deployed) {
            // Said at certify time too, not only by verify-chain: this run continues one branch of a fork.
            console.accept("Chain in " + store.location() + ": continuing from " + (deployed.headVersion() == null
                    ? "nothing (first certification)" : deployed.headVersion()));
            before.problems().stream().filter(p -> p.severity() == dev.root24.worm.Outcome.FAIL
                    || p.message().startsWith(RepositoryChainStore.FORK)).forEach(p -> console.accept("root24: " + p));
        }
        writeFile(out.resolve(CHAIN_VERIFICATION), mask.apply(before.toJson()));
        Path pom = request.pom().toAbsolutePath().normalize();
        List<String> ids = settings.checks().stream().map(dev.root24.exec.Check::id).toList();
        Map<String, Object> inputs = inputs(settings, effective, threads, request);
        inputs.put("worm", wormInputs(worm, store));
        Certifier certifier = new Certifier(repository, settings,
                BuiltInChecks.none().with(BuiltInChecks.WORM_CHAIN, audit.chainCheck()), audit, threads,
                request.outputTailChars(), request.environment(), Clock.systemUTC());
        String commit = GitCommit.of(root).orElse(null);
        Certification certification = certifier.certify(request.pluginVersion(), commit, repository.relativize(pom),
                DeclarationLines.find(pom, ids), inputs);
        new ConsoleReport().lines(certification).forEach(console);
        String summary = request.environment().get("GITHUB_STEP_SUMMARY");
        new ReportFiles(mask).write(certification, out, summary == null || summary.isBlank() ? null : Path.of(summary));
        CertificationClaims claims = claims(certification, effective, request.project(),
                commit == null ? null : GitCommit.dirty(root).orElse(null));
        WormStore.AppendedEntry appended;
        try {
            byte[] report = Files.readAllBytes(out.resolve(ReportFiles.JSON));
            Map<String, Integer> phases = new LinkedHashMap<>();
            phases.put("static_analysis", certification.scorecard().staticPhase().score());
            phases.put("dynamic_execution", certification.scorecard().dynamicPhase().score());
            phases.put("audit_proof", certification.scorecard().auditPhase().score());
            String subject = request.project().substring(0, request.project().lastIndexOf(':'));
            CertificationRecord entry = new CertificationRecord(subject, commit, report, certification.scorecard().overall(),
                    certification.scorecard().tier().name(), phases, "sha256:" + effective.sha256(), request.pluginVersion(),
                    claims);
            // A chain that fails verification is evidence: it is kept as it is, not extended.
            WormStore.requireAppendable(before, store, out.resolve(CHAIN_VERIFICATION));
            appended = store.append(entry, worm.signer());
        } catch (WormException e) {
            throw new PolicyException(e.getMessage());
        }
        Path envelope = writeFile(out.resolve(CERTIFICATION), appended.envelope());
        Path checkpoint = writeFile(out.resolve(WormStore.CHECKPOINT_FILE), appended.checkpoint().getBytes(StandardCharsets.UTF_8));
        String gate = gate(certification, settings);
        return new Result(certification, effective, worm, appended, envelope, checkpoint, gate == null ? null : mask.apply(gate));
    }

    private static ChainStore chainStore(Request request, WormSettings worm) throws PolicyException {
        if (worm.repositoryChain()) {
            if (request.repositoryStore() == null) {
                throw new PolicyException("worm.chainStore is repository, but this run has no Maven repositories to read");
            }
            String[] coordinates = request.project().split(":");
            return request.repositoryStore().open(worm.chainRepository(), coordinates[0], coordinates[1]);
        }
        try {
            return WormStore.open(worm.store());
        } catch (WormException e) {
            throw new PolicyException(e.getMessage());
        }
    }

    /** Why the build must fail, or null when it passes. */
    static String gate(Certification c, CertifySettings settings) {
        var analysis = c.staticAnalysis();
        if (analysis != null && settings.minScore() > 0 && analysis.score() < settings.minScore()) {
            return "static score " + analysis.score() + " is below minScore " + settings.minScore();
        }
        if (c.passesGate()) {
            return null;
        }
        NextTierPath path = c.nextTier();
        if (path.target() != c.failBelow()) {
            // Aim at the gate itself, not merely the next tier, when they differ.
            path = new NextTierSearch(new Scoring(c.scorecard().weights(), c.thresholds()))
                    .search(c.staticAnalysis(), c.checks(), c.audit(), c.failBelow());
        }
        return (c.scorecard().verdict() + " is below failBelow " + c.failBelow() + "." + System.lineSeparator()
                + MarkdownReport.nextTierText(path)).strip();
    }

    static CertificationClaims claims(Certification c, EffectivePolicy effective, String project, Boolean dirty) {
        EffectivePolicy.PolicyBase base = effective.base();
        CertificationClaims.Policy policy = new CertificationClaims.Policy(base == null ? null : base.location(),
                base == null ? null : base.artifact(), base == null ? null : base.sha256(), effective.sha256(),
                effective.document().locked() == null ? List.of() : effective.document().locked());
        List<CertificationClaims.Override> overrides = new ArrayList<>();
        for (PolicyOverride o : effective.overrides()) {
            overrides.add(new CertificationClaims.Override(o.key(), o.policyValue(), o.effectiveValue(), o.source().display()));
        }
        List<CertificationClaims.CheckClaim> checks = new ArrayList<>();
        for (CheckResult r : c.checks()) {
            checks.add(new CertificationClaims.CheckClaim(r.id(), r.check().command() == null ? null
                    : DigestAlgorithm.SHA_256.hex(r.check().command().getBytes(StandardCharsets.UTF_8)),
                    r.exitCode(), r.status().name(), r.duration().toMillis(), r.scoredWeight()));
        }
        List<CertificationClaims.ToolClaim> tools = new ArrayList<>();
        if (c.staticAnalysis() != null) {
            c.staticAnalysis().tools().forEach(t -> tools.add(new CertificationClaims.ToolClaim(t.tool().id(), t.tool().path(),
                    t.file().sha256(), t.toolPresent())));
        }
        return new CertificationClaims(project, dirty, policy, overrides, checks, tools);
    }

    private static Map<String, Object> inputs(CertifySettings settings, EffectivePolicy effective, int threads, Request request) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        Map<String, Object> policyInfo = new LinkedHashMap<>();
        policyInfo.put("sources", effective.sources());
        policyInfo.put("sha256", effective.sha256());
        if (effective.base() != null) {
            Map<String, Object> base = new LinkedHashMap<>();
            base.put("location", effective.base().location());
            base.put("artifact", effective.base().artifact());
            base.put("sha256", effective.base().sha256());
            policyInfo.put("base", base);
        }
        policyInfo.put("locked", effective.document().locked() == null ? List.of() : effective.document().locked());
        List<Map<String, Object>> overrides = new ArrayList<>();
        for (PolicyOverride o : effective.overrides()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", o.key());
            m.put("policyValue", o.policyValue());
            m.put("effectiveValue", o.effectiveValue());
            m.put("source", o.source().display());
            overrides.add(m);
        }
        policyInfo.put("overrides", overrides);
        Map<String, String> provenance = new LinkedHashMap<>();
        effective.provenance().forEach((key, source) -> provenance.put(key, source.display()));
        policyInfo.put("provenance", provenance);
        inputs.put("policy", policyInfo);
        inputs.put("preset", settings.preset());
        inputs.put("minScore", settings.minScore());
        inputs.put("failBelow", settings.failBelow().name());
        inputs.put("parallelism", threads);
        inputs.put("outputTailChars", request.outputTailChars());
        Map<String, Object> lock = new LinkedHashMap<>();
        var s = settings.structure();
        lock.put("expectedModules", s.expectedModules());
        lock.put("modulePattern", s.modulePattern().pattern());
        lock.put("allowedFiles", new TreeSet<>(s.allowedFiles()));
        lock.put("allowedDirectories", new TreeSet<>(s.allowedDirectories()));
        lock.put("forbiddenPatterns", s.forbiddenPatterns());
        lock.put("requiredModuleEntries", s.requiredModuleEntries());
        lock.put("ignore", s.ignore());
        inputs.put("root24Lock", lock);
        inputs.put("secretMaskedVariables", request.environment().keySet().stream().filter(SecretMask::looksSecret).sorted().toList());
        return inputs;
    }

    private static Map<String, Object> wormInputs(WormSettings worm, ChainStore store) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("store", store instanceof RepositoryChainStore ? "repository " + store.location()
                : worm.storeInRepository() != null ? worm.storeInRepository() : worm.store().toString());
        inputs.put("signed", worm.signer().isSigned());
        inputs.put("signingKeyIds", worm.signer().keys().stream().map(k -> k.keyId()).toList());
        inputs.put("trustedKeyIds", worm.trustedKeys().stream().map(k -> k.keyId()).toList());
        inputs.put("ignoredKeys", worm.ignoredKeys());
        inputs.put("trustedCheckpoint", worm.trustedCheckpoint() != null);
        inputs.put("algorithms", worm.algorithms().stream().map(a -> a.displayName()).sorted().toList());
        List<Map<String, Object>> evidence = new ArrayList<>();
        worm.evidence().forEach(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", e.path());
            m.put("sha256", e.sha256());
            evidence.add(m);
        });
        inputs.put("evidence", evidence);
        return inputs;
    }

    private static Path writeFile(Path file, byte[] content) throws PolicyException {
        try {
            // Never through a link: a temporary file beside it, then a move that replaces.
            return dev.root24.output.OutputFile.replace(file, content);
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }
}
