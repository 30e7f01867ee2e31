package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import dev.root24.score.ScorePoint;
import dev.root24.score.ScorePoint.Trust;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainHistoryTest {

    @TempDir
    Path dir;

    @Test
    void everyEntryIsOnePointWithTheScoresItClaims() throws Exception {
        Signer signer = Chains.signer(SignatureAlgorithm.ED25519);
        Chains.build(dir, 4, signer);
        ChainHistory history = ChainHistory.read(dir, Chains.trusted(signer));
        assertThat(history.points()).extracting(ScorePoint::index).containsExactly(0L, 1L, 2L, 3L);
        assertThat(history.points()).extracting(ScorePoint::overall).containsExactly(60, 61, 62, 63);
        assertThat(history.points()).allSatisfy(p -> {
            assertThat(p.trust()).isEqualTo(Trust.VERIFIED);
            assertThat(p.staticScore()).isEqualTo(52);
            assertThat(p.dynamicScore()).isEqualTo(100);
            assertThat(p.auditScore()).isEqualTo(91);
        });
        assertThat(history.points().get(1).time()).isAfter(history.points().get(0).time());
        assertThat(history.unreadable()).isZero();
    }

    @Test
    void withoutTrustedKeysNothingIsVerified() throws Exception {
        Chains.build(dir, 2, Chains.signer(SignatureAlgorithm.ED25519));
        assertThat(ChainHistory.read(dir, List.of()).points()).extracting(ScorePoint::trust)
                .containsOnly(Trust.UNCHECKED);
    }

    @Test
    void anEntrySignedByAnotherKeyFails() throws Exception {
        Chains.build(dir, 2, Chains.signer(SignatureAlgorithm.ED25519));
        List<TrustedKey> someoneElse = Chains.trusted(Chains.signer(SignatureAlgorithm.ED25519));
        assertThat(ChainHistory.read(dir, someoneElse).points()).extracting(ScorePoint::trust).containsOnly(Trust.FAILED);
    }

    @Test
    void aForgedScoreIsKeptButFails() throws Exception {
        Signer signer = Chains.signer(SignatureAlgorithm.ED25519);
        Chains.build(dir, 3, signer);
        // the team rewrites entry 1 to claim 99, keeping it readable; its signature no longer matches
        Path entry = Chains.entry(dir, 1);
        String envelope = Files.readString(entry);
        String payload = envelope.replaceAll("(?s).*\"payload\":\"([^\"]+)\".*", "$1");
        String json = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8)
                .replace("\"overallScore\":61", "\"overallScore\":99");
        Files.writeString(entry, envelope.replace(payload,
                Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))));
        ChainHistory history = ChainHistory.read(dir, Chains.trusted(signer));
        assertThat(history.points()).extracting(ScorePoint::trust)
                .containsExactly(Trust.VERIFIED, Trust.FAILED, Trust.FAILED);
        assertThat(history.points().get(1).overall()).isEqualTo(99);
        assertThat(history.verification().outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void damagedLinkedAndSenselessEntriesAreCountedNotDrawn() throws Exception {
        Signer signer = Chains.signer(SignatureAlgorithm.ED25519);
        Chains.build(dir, 4, signer);
        Files.writeString(Chains.entry(dir, 1), "{\"payload\":");
        Path outside = Files.createTempFile(dir.getParent(), "outside", ".json");
        Files.copy(Chains.entry(dir, 0), outside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(Chains.entry(dir, 2));
        Files.createSymbolicLink(Chains.entry(dir, 2), outside);
        Files.writeString(dir.resolve("entry-000000000x.dsse.json"), "junk");
        ChainHistory history = ChainHistory.read(dir, Chains.trusted(signer));
        assertThat(history.unreadable()).isEqualTo(2);
        assertThat(history.points()).extracting(ScorePoint::index).containsExactly(0L, 3L);
    }

    @Test
    void aMissingStoreIsAnEmptyHistory() {
        ChainHistory history = ChainHistory.read(dir.resolve("nowhere"), List.of());
        assertThat(history.points()).isEmpty();
        assertThat(history.verification().outcome()).isEqualTo(Outcome.FAIL);
    }
}
