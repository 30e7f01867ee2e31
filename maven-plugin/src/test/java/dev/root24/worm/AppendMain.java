package dev.root24.worm;

import java.nio.file.Path;
import java.util.List;

/**
 * A separate writer process for the concurrency and crash tests:
 * {@code AppendMain <store> <count> [<private key file>]}. Prints {@code appending} once the
 * store is open and {@code appended <index>} after every entry.
 */
public final class AppendMain {
    private AppendMain() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Signer signer = args.length > 2
                ? Signer.of(PemKeys.readPrivateKeys(Path.of(args[2])), List.of(), args[2])
                : Signer.unsigned();
        WormStore worm = WormStore.open(store);
        System.out.println("appending");
        System.out.flush();
        for (int i = 0; i < count; i++) {
            long index = worm.append(Chains.record(i), signer).index();
            System.out.println("appended " + index);
            System.out.flush();
        }
    }
}
