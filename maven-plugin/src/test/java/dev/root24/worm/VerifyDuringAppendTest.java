package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 12: verifying while another process appends gave false FAILs ("checkpoint covers N
 * entries but the store ends after N", "entry is missing") because the directory was listed before
 * the checkpoint was read, with no lock.
 */
class VerifyDuringAppendTest {

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void noFalseFailWhileASecondJvmAppendsAThousandEntries(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        Chains.build(store, 1, Signer.unsigned());
        Process writer = WriterProcesses.start(store, 1000, null, dir.resolve("writer.log"));
        ChainVerifier verifier = new ChainVerifier(List.of(), null, Set.of());
        List<String> failures = new ArrayList<>();
        int runs = 0;
        while (writer.isAlive()) {
            ChainVerification v = verifier.verify(store);
            runs++;
            v.problems(Outcome.FAIL).forEach(p -> failures.add(p.toString()));
        }
        assertThat(writer.waitFor()).as(Files.readString(dir.resolve("writer.log"))).isZero();
        ChainVerification last = verifier.verify(store);
        assertThat(last.entries()).isEqualTo(1001);
        assertThat(last.outcome()).isNotEqualTo(Outcome.FAIL);
        assertThat(runs).as("verifications overlapping the appends").isGreaterThan(5);
        assertThat(failures).isEmpty();
        System.out.println("VerifyDuringAppendTest: " + runs + " verifications during 1000 appends, 0 FAIL");
    }
}
