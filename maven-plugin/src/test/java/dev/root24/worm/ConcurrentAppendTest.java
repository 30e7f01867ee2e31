package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs appending to one store at once build one linear chain. */
class ConcurrentAppendTest {

    private static final int WRITERS = 4;
    private static final int EACH = 50;

    @Test
    void fourProcessesAppendingFiftyEachMakeOneChainOfTwoHundred(@TempDir Path dir) throws Exception {
        PemKeys.KeyPairFiles keys = PemKeys.writeKeyPairs(dir, "k", List.of(SignatureAlgorithm.ED25519));
        Path store = dir.resolve("store");
        List<Process> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(WriterProcesses.start(store, EACH, keys.privateKeyFile(), dir.resolve("writer" + w + ".log")));
        }
        Set<Long> claimed = new HashSet<>();
        for (int w = 0; w < WRITERS; w++) {
            assertThat(writers.get(w).waitFor(120, TimeUnit.SECONDS)).as("writer %d finished", w).isTrue();
            String log = Files.readString(dir.resolve("writer" + w + ".log"));
            assertThat(writers.get(w).exitValue()).as(log).isZero();
            log.lines().filter(l -> l.startsWith("appended ")).map(l -> Long.parseLong(l.substring(9)))
                    .forEach(index -> assertThat(claimed.add(index)).as("index %d claimed twice", index).isTrue());
        }

        ChainVerification v = new ChainVerifier(PemKeys.readPublicKeys(keys.publicKeyFile()), null, Set.of()).verify(store);

        assertThat(claimed).hasSize(WRITERS * EACH);
        assertThat(v.entries()).isEqualTo(WRITERS * EACH);
        assertThat(v.problems()).isEmpty();
        assertThat(v.signed()).isEqualTo(WRITERS * EACH);
        assertThat(Checkpoint.parse(Files.readString(store.resolve("checkpoint")), "checkpoint").size())
                .isEqualTo(WRITERS * EACH);
    }

    @Test
    void threadsOfOneProcessShareTheChainToo(@TempDir Path store) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    WormStore own = WormStore.open(store);
                    for (int i = 0; i < 10; i++) {
                        own.append(Chains.record(i), Signer.unsigned());
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(errors).isEmpty();
        ChainVerification v = new ChainVerifier(List.of(), null, Set.of()).verify(store);
        assertThat(v.entries()).isEqualTo(40);
        assertThat(v.problems(Outcome.FAIL)).isEmpty();
    }
}
