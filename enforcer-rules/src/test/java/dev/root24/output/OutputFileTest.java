package dev.root24.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void theModeIsWhatIsWrittenNotTheTemporaryFilesOrThePreviousFiles(@TempDir Path dir) throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        Path report = OutputFile.replace(dir.resolve("report.json"), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(mode(report)).isEqualTo("rw-r--r--");

        // an earlier owner-only file of the same name does not keep its mode, nor a wider one
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rwxrwxrwx"));
        OutputFile.replace(report, "{}".getBytes(StandardCharsets.UTF_8), OutputFile.Access.SHARED);
        assertThat(mode(report)).isEqualTo("rw-r--r--");

        Path secret = OutputFile.replace(dir.resolve("key.pem"), "k".getBytes(StandardCharsets.UTF_8), OutputFile.Access.OWNER_ONLY);
        assertThat(mode(secret)).isEqualTo("rw-------");
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no temporary file left").hasSize(2);
        }
    }

    @Test
    void aLinkAtTheNameIsReplacedNotWrittenThrough(@TempDir Path dir) throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("report.md"), outside);
        OutputFile.replace(link, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(outside)).isEqualTo("keep");
        assertThat(Files.isSymbolicLink(link)).isFalse();
        assertThat(Files.readString(link)).isEqualTo("new");
    }
}
