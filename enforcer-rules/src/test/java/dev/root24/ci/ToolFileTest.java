package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a team might put where its tool should be, to earn the tool's points without a tool. */
class ToolFileTest {

    private static final String HELLO_SHA256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    @TempDir
    Path dir;

    @Test
    void a_real_tool_counts_with_its_digest() throws Exception {
        Path tool = Files.writeString(dir.resolve("guard.sh"), "hello\n");
        assertThat(ToolFile.inspect(tool, null)).isEqualTo(new ToolFile(true, HELLO_SHA256, null));
        assertThat(ToolFile.inspect(tool, HELLO_SHA256).present()).isTrue();
    }

    @Test
    void an_empty_file_or_one_of_blanks_does_not() throws Exception {
        assertThat(ToolFile.inspect(Files.writeString(dir.resolve("empty.sh"), ""), null).problem()).isEqualTo("tool file is empty");
        assertThat(ToolFile.inspect(Files.writeString(dir.resolve("blank.sh"), " \n\t\n"), null).problem())
                .isEqualTo("tool file holds only blanks");
    }

    @Test
    void a_directory_a_link_or_nothing_does_not() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("guard"));
        Path target = Files.writeString(dir.resolve("real.sh"), "echo ok\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.sh"), target);
        assertThat(ToolFile.inspect(directory, null).problem()).isEqualTo("tool path is a directory, not a regular file");
        assertThat(ToolFile.inspect(link, null).problem()).isEqualTo("tool path is a link, not a regular file");
        assertThat(ToolFile.inspect(dir.resolve("absent.sh"), null).problem()).isEqualTo("tool file missing");
    }

    @Test
    void a_changed_pinned_tool_does_not_and_both_digests_are_named() throws Exception {
        Path tool = Files.writeString(dir.resolve("guard.sh"), "hello\n");
        String pinned = "0".repeat(64);
        ToolFile file = ToolFile.inspect(tool, pinned);
        assertThat(file.present()).isFalse();
        assertThat(file.problem()).isEqualTo("tool file has sha256 " + HELLO_SHA256 + ", the policy pins " + pinned);
    }

    @Test
    void a_huge_file_is_refused_without_reading_it() throws Exception {
        Path huge = dir.resolve("huge.sh");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(ToolFile.MAX_BYTES + 1); // sparse: nothing is written
        }
        assertThat(ToolFile.inspect(huge, null).problem()).isEqualTo("tool file is larger than " + ToolFile.MAX_BYTES + " bytes");
    }

    @Test
    void a_fifo_is_not_read() throws Exception {
        Path fifo = dir.resolve("guard.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mkfifo.waitFor() != 0) {
            return; // no mkfifo here: nothing to prove
        }
        assertThat(ToolFile.inspect(fifo, null).problem()).isEqualTo("tool path is not a regular file");
    }
}
