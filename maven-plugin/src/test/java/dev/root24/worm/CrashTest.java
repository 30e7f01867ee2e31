package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL at random moments never leaves a half entry: after every kill the
 * chain verifies, and appending carries on.
 */
class CrashTest {

    private static final int KILLS = 50;

    @Test
    void killedWritersNeverBreakTheChain(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ChainVerifier verifier = new ChainVerifier(List.of(), null, Set.of());
        int killedMidRun = 0;
        int killedBeforeCheckpoint = 0;
        int killedWithTempFile = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process writer = new ProcessBuilder(command(store)).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("seed %d: writer output", seed).isEqualTo("appending");
            if (random.nextInt(4) > 0) {
                // Most kills land in the steady append loop, at a random phase of some append.
                assertThat(out.readLine()).as("seed %d: writer output", seed).startsWith("appended ");
                Thread.sleep(random.nextInt(25));
            } else {
                // Some land during the first append of a fresh JVM, while classes are still loading.
                Thread.sleep(random.nextInt(60));
            }
            busyWait(random.nextInt(3_000_000));
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (writer.exitValue() != 0) {
                killedMidRun++;
            }

            ChainVerification v = verifier.verify(store);
            assertThat(v.problems(Outcome.FAIL)).as("seed %d, kill %d", seed, kill).isEmpty();
            if (v.notes().stream().anyMatch(n -> n.contains("covers"))) {
                killedBeforeCheckpoint++;
            }
            try (var leftovers = Files.list(store.resolve(".incoming"))) {
                killedWithTempFile += leftovers.findAny().isPresent() ? 1 : 0;
            }
        }
        System.out.printf("CrashTest seed %d: %d entries after %d kills; %d kills left the checkpoint behind,"
                + " %d left a temporary file%n", seed, verifier.verify(store).entries(), KILLS, killedBeforeCheckpoint,
                killedWithTempFile);

        long before = verifier.verify(store).entries();
        WormStore.AppendedEntry next = WormStore.open(store).append(Chains.record(7), Signer.unsigned());
        ChainVerification after = verifier.verify(store);

        assertThat(killedMidRun).as("writers actually killed").isGreaterThanOrEqualTo(KILLS - 2);
        assertThat(next.index()).isEqualTo(before);
        assertThat(after.entries()).isEqualTo(before + 1);
        assertThat(after.problems(Outcome.FAIL)).isEmpty();
        assertThat(after.notes()).noneMatch(n -> n.contains("covers"));
        assertThat(Files.list(store.resolve(".incoming")).count()).isZero();
    }

    private static List<String> command(Path store) {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), AppendMain.class.getName(),
                store.toString(), "1000000"));
    }

    private static void busyWait(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
