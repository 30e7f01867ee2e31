package dev.root24.org;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.root24.policy.PolicyException;
import dev.root24.worm.CertificationVerifier;
import dev.root24.worm.ChainStore;
import dev.root24.worm.SignatureAlgorithm;
import dev.root24.worm.TrustedKey;

/**
 * Judges every project of the organisation: reads its deployed chain from a {@link ChainSource},
 * takes the verdict from the {@link VerificationCache} when the chain's artifacts are unchanged,
 * and otherwise verifies it ({@link ProjectAssessment}); projects are spread over {@code threads}.
 * Only one project's chain is held per thread, so memory does not grow with the organisation.
 */
public final class OrgReporter {

    /** Where a project's deployed certifications come from. */
    @FunctionalInterface
    public interface ChainSource {
        /** @throws PolicyException when the repository cannot be read for {@code project} */
        DeployedChain deployed(ProjectCoordinates project) throws PolicyException;
    }

    /** What is deployed for one project, read once: its digest keys the cache, its store is verified. */
    public interface DeployedChain {
        /** The {@link VerificationCache#digest digest} of the deployed artifacts. */
        String digest() throws IOException;

        /** The chain built from exactly the artifacts {@link #digest} covers. */
        ChainStore store();

        /** A chain a source could only give as a store (the resolver's): digested from its listing. */
        static DeployedChain of(ChainStore store) {
            return new DeployedChain() {
                @Override
                public String digest() throws IOException {
                    return VerificationCache.digest(store);
                }

                @Override
                public ChainStore store() {
                    return store;
                }
            };
        }
    }

    /**
     * @param report the report
     * @param cached projects whose verdict came from the cache
     * @param verified projects verified in this run
     */
    public record Result(OrgReport report, int cached, int verified) {
    }

    private final CertificationVerifier.Requirements requirements;
    private final Duration maxAge;
    private final VerificationCache cache;
    private final int threads;
    private final Clock clock;

    /**
     * @param requirements the organisation's requirements (their maxAge is the staleness limit)
     * @param cache earlier verdicts, or null for none
     * @param threads how many projects are judged at once
     */
    public OrgReporter(CertificationVerifier.Requirements requirements, VerificationCache cache, int threads, Clock clock) {
        this.requirements = requirements;
        this.maxAge = requirements.maxAge();
        this.cache = cache;
        this.threads = Math.max(1, threads);
        this.clock = clock;
    }

    /** What a cached verdict depends on besides the chain; a different value is a different cache key. */
    String fingerprint() {
        return "root24-org-cache/1 policy=" + requirements.policySha256()
                + " keys=" + requirements.keys().stream().map(TrustedKey::keyId).sorted().toList()
                + " algorithms=" + requirements.algorithms().stream().map(SignatureAlgorithm::name).sorted().toList()
                + " locked=" + requirements.locked().stream().sorted().toList()
                + " tier=" + requirements.requiredTier() + " dirty=" + requirements.allowDirty();
    }

    public Result run(List<ProjectCoordinates> projects, ChainSource source, String policy) throws PolicyException {
        ProjectAssessment assessment = new ProjectAssessment(requirements, clock);
        String fingerprint = fingerprint();
        AtomicInteger cached = new AtomicInteger();
        AtomicInteger verified = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ProjectRow>> futures = new ArrayList<>();
            for (ProjectCoordinates project : projects) {
                futures.add(pool.submit(() -> judge(project, source, assessment, fingerprint, cached, verified)));
            }
            List<ProjectRow> rows = new ArrayList<>(projects.size());
            for (Future<ProjectRow> f : futures) {
                rows.add(f.get().aged(clock, maxAge));
            }
            return new Result(new OrgReport(rows, clock.instant(), policy, requirements.policySha256()), cached.get(),
                    verified.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PolicyException("the organisation report was interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("judging a project failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private ProjectRow judge(ProjectCoordinates project, ChainSource source, ProjectAssessment assessment,
            String fingerprint, AtomicInteger cached, AtomicInteger verified) {
        DeployedChain deployed;
        try {
            deployed = source.deployed(project);
        } catch (PolicyException e) {
            // Never OK: a chain nobody could read proves nothing.
            return new ProjectRow(project, OrgStatus.FAILED_VERIFICATION, null, null, -1, null, null, List.of(), 0,
                    List.of("cannot be read from the repository: " + e.getMessage()), 0, List.of());
        }
        String key = null;
        if (cache != null) {
            try {
                key = VerificationCache.key(fingerprint, project, deployed.digest());
                ProjectRow hit = cache.get(key);
                if (hit != null && hit.project().equals(project)) {
                    cached.incrementAndGet();
                    return hit;
                }
            } catch (IOException e) {
                key = null;
            }
        }
        ProjectRow row = assessment.assess(project, deployed.store());
        verified.incrementAndGet();
        if (key != null) {
            cache.put(key, row);
        }
        return row;
    }
}
