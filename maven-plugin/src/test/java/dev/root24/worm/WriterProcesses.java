package dev.root24.worm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link AppendMain} in fresh JVMs on the test class path. */
final class WriterProcesses {
    private WriterProcesses() {
    }

    static Process start(Path store, int count, Path key, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Short-lived writers: skip the optimising compiler and keep the heap small.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), AppendMain.class.getName(),
                store.toString(), Integer.toString(count)));
        if (key != null) {
            command.add(key.toString());
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
