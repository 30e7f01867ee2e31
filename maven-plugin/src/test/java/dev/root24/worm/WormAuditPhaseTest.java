package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.root24.ci.Points;
import dev.root24.exec.Finding;
import dev.root24.policy.PolicyDocument;
import dev.root24.policy.PolicyException;
import dev.root24.score.AuditEvidence;
import dev.root24.score.AuditImprovement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WormAuditPhaseTest {

    private static final String TRAIL_SHA256 = "ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356"; // "{}\n"

    @TempDir
    Path root;

    private static ChainVerification chain(long entries, long signed, ChainProblem... problems) {
        return new ChainVerification("native", "store", entries, signed, List.of(problems), List.of(), List.of());
    }

    private static List<PolicyDocument.Evidence> files(String... paths) {
        return java.util.Arrays.stream(paths).map(PolicyDocument.Evidence::of).toList();
    }

    private AuditEvidence audit(ChainVerification chain, boolean trust, boolean signs, List<PolicyDocument.Evidence> evidence)
            throws PolicyException {
        return new WormAuditPhase(chain, trust, signs, evidence, "02_audit_logging/worm", List.of()).evaluate(root);
    }

    private int score(ChainVerification chain, boolean trust, boolean signs, List<PolicyDocument.Evidence> evidence)
            throws PolicyException {
        return audit(chain, trust, signs, evidence).score().score();
    }

    private void trail(String name, String content) throws Exception {
        Files.createDirectories(root.resolve("02_audit_logging"));
        Files.writeString(root.resolve("02_audit_logging/" + name), content);
    }

    @Test
    void an_empty_chain_without_trust_or_evidence_earns_nothing() throws Exception {
        // Gaming route: every `mvn clean` used to give an empty chain 40 points and no evidence 25.
        AuditEvidence evidence = audit(chain(0, 0), false, false, List.of());

        assertThat(evidence.score().score()).isZero();
        assertThat(evidence.score().measured()).isTrue();
        assertThat(evidence.findings()).extracting(Finding::kind).containsExactly("UNTRUSTED", "EMPTY_CHAIN", "NO_EVIDENCE");
    }

    @Test
    void the_first_run_signed_by_the_organisation_with_evidence_still_lacks_the_chain_part() throws Exception {
        trail("trail.jsonl", "{}\n");
        assertThat(score(chain(0, 0), true, true, files("02_audit_logging/trail.jsonl"))).isEqualTo(60); // 0 + 35 + 25
        assertThat(score(chain(1, 1), true, true, files("02_audit_logging/trail.jsonl"))).isEqualTo(100);
    }

    @Test
    void signature_share_counts_every_entry_and_this_run() throws Exception {
        // 1 of 3 earlier entries signed, this run signed: S = 2/4 -> 40 + 17.5 + 0
        assertThat(score(chain(3, 1), true, true, List.of())).isEqualTo(57);
        // trusted keys configured but this run unsigned: S = 1/4 -> 40 + 8.75
        assertThat(score(chain(3, 1), true, false, List.of())).isEqualTo(48);
    }

    @Test
    void signatures_earn_nothing_without_organisation_keys() throws Exception {
        assertThat(score(chain(3, 3), false, true, List.of())).isEqualTo(40);
    }

    @Test
    void a_failing_chain_loses_its_forty_points_and_is_reported_with_its_place() throws Exception {
        ChainProblem broken = new ChainProblem(Outcome.FAIL, 0L, "entry-0000000000.dsse.json", "payload digest mismatch");
        AuditEvidence evidence = audit(chain(2, 2, broken), true, true, List.of());

        assertThat(evidence.score().score()).isEqualTo(35); // 0 + 35 + 0
        assertThat(evidence.findings()).first().satisfies(f -> {
            assertThat(f.file()).isEqualTo("02_audit_logging/worm/entry-0000000000.dsse.json");
            assertThat(f.message()).isEqualTo("entry 0: payload digest mismatch");
        });
    }

    @Test
    void warnings_do_not_cost_the_chain_points() throws Exception {
        ChainProblem few = new ChainProblem(Outcome.WARN, null, null, "fewer than two entries");
        trail("trail.jsonl", "{}\n");
        assertThat(score(chain(1, 1, few), true, true, files("02_audit_logging/trail.jsonl"))).isEqualTo(100);
    }

    @Test
    void missing_evidence_costs_its_share_and_is_named() throws Exception {
        trail("trail.jsonl", "{}\n");

        AuditEvidence evidence = audit(chain(1, 0), false, false,
                files("02_audit_logging/trail.jsonl", "02_audit_logging/missing.jsonl"));

        assertThat(evidence.score().score()).isEqualTo(52); // 40 + 0 + 12.5
        assertThat(evidence.findings()).extracting(Finding::kind, Finding::file)
                .contains(org.assertj.core.groups.Tuple.tuple("MISSING_EVIDENCE", "02_audit_logging/missing.jsonl"));
    }

    @Test
    void empty_blank_linked_or_changed_evidence_does_not_count() throws Exception {
        trail("empty.jsonl", "");
        trail("blank.jsonl", "\n\n");
        trail("real.jsonl", "{}\n");
        Files.createSymbolicLink(root.resolve("02_audit_logging/link.jsonl"), root.resolve("02_audit_logging/real.jsonl"));
        trail("pinned.jsonl", "{\"edited\": true}\n");
        List<PolicyDocument.Evidence> evidence = List.of(PolicyDocument.Evidence.of("02_audit_logging/empty.jsonl"),
                PolicyDocument.Evidence.of("02_audit_logging/blank.jsonl"), PolicyDocument.Evidence.of("02_audit_logging/link.jsonl"),
                new PolicyDocument.Evidence("02_audit_logging/pinned.jsonl", TRAIL_SHA256));

        AuditEvidence audit = audit(chain(1, 0), false, false, evidence);

        assertThat(audit.score().score()).isEqualTo(40);
        assertThat(audit.findings()).filteredOn(f -> f.kind().equals("MISSING_EVIDENCE")).extracting(Finding::message)
                .containsExactly("evidence file is empty", "evidence file holds only blanks",
                        "evidence path is a link, not a regular file",
                        "evidence file has sha256 8cb9816d3b260d18075d35060a462ae8f4db9ac75a9d5696f08c8741db320ab4, the policy pins "
                                + TRAIL_SHA256);
    }

    @Test
    void a_pinned_evidence_file_that_matches_counts() throws Exception {
        trail("trail.jsonl", "{}\n");
        assertThat(score(chain(1, 0), false, false,
                List.of(new PolicyDocument.Evidence("02_audit_logging/trail.jsonl", TRAIL_SHA256)))).isEqualTo(65);
    }

    @Test
    void improvements_name_only_what_the_team_can_honestly_do_and_add_up_exactly() throws Exception {
        AuditEvidence evidence = audit(chain(2, 0), true, false, files("02_audit_logging/a.jsonl", "02_audit_logging/b.jsonl"));

        // 40 + 35*0/3 + 25*0/2 = 40
        assertThat(evidence.score().score()).isEqualTo(40);
        assertThat(evidence.improvements()).extracting(AuditImprovement::description).containsExactly(
                "sign this build with the organisation's key (ROOT24_SIGNING_KEY, a CI secret the organisation provides)",
                "add the evidence file 02_audit_logging/a.jsonl",
                "add the evidence file 02_audit_logging/b.jsonl");
        Points all = evidence.exact();
        for (AuditImprovement improvement : evidence.improvements()) {
            all = all.plus(improvement.points());
        }
        // 40 + 35/3 + 25 = 76.67: signing only this run's slot, history stays unsigned
        assertThat(all.percentOf(100)).isEqualTo(76);
    }

    @Test
    void without_organisation_keys_the_hint_never_suggests_trusting_a_key() throws Exception {
        // Gaming route: the old hint said "sign this build and list its public key in trustedKeys".
        AuditEvidence evidence = audit(chain(2, 0), false, true, List.of());
        assertThat(evidence.improvements()).isEmpty();
        assertThat(evidence.findings()).extracting(Finding::message).noneMatch(m -> m.contains("list its public key"));
    }

    @Test
    void evidence_outside_the_root_is_a_configuration_error() {
        assertThatThrownBy(() -> score(chain(0, 0), false, false, files("../../etc/passwd")))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("evidence '../../etc/passwd' is outside the repository root");
    }

    @Test
    void worm_chain_check_fails_only_on_a_failing_chain_and_measures_nothing_when_empty() throws Exception {
        ChainProblem warn = new ChainProblem(Outcome.WARN, null, null, "unsigned");
        ChainProblem fail = new ChainProblem(Outcome.FAIL, 1L, "entry-0000000001.dsse.json", "prev does not link");

        assertThat(new WormAuditPhase(chain(2, 0, warn), false, false, List.of(), "w", List.of()).chainCheck().run(root)
                .passed()).isTrue();
        var outcome = new WormAuditPhase(chain(2, 0, fail), false, false, List.of(), "w", List.of()).chainCheck().run(root);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.output()).contains("FAIL entry 1 (entry-0000000001.dsse.json): prev does not link");
        assertThat(outcome.findings()).extracting(Finding::file).containsExactly("w/entry-0000000001.dsse.json");
        var empty = new WormAuditPhase(chain(0, 0), false, false, List.of(), "w", List.of()).chainCheck().run(root);
        assertThat(empty.measured()).isFalse();
        assertThat(empty.passed()).isFalse();
    }
}
