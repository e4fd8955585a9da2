package org.mwconform.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private java.util.List<String> names() throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileIsReplacedWholeAndNoTemporaryFileStays() throws IOException {
        Path file = dir.resolve("results.json");
        AtomicFiles.writeString(file, "{\"old\":true}");
        AtomicFiles.writeString(file, "{\"new\":true}");
        assertThat(Files.readString(file)).isEqualTo("{\"new\":true}");
        assertThat(names()).containsExactly("results.json");
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("results.json");
        AtomicFiles.writeString(file, "{\"old\":true}");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("{\"half".getBytes(StandardCharsets.UTF_8));
            throw new java.nio.file.FileSystemException(dir.resolve(".results.json.x.partial").toString(), null, "No space left on device");
        })).isInstanceOf(CannotWriteException.class)
                .hasMessage("cannot write " + file + ": No space left on device")
                .satisfies(e -> assertThat(((CannotWriteException) e).reason()).isEqualTo("No space left on device"));
        assertThat(Files.readString(file)).isEqualTo("{\"old\":true}");
        assertThat(names()).containsExactly("results.json");
    }

    @Test
    void aFolderThatCannotBeMadeIsACannotWriteException() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> AtomicFiles.writeString(blocker.resolve("evidence/one.json"), "{}"))
                .isInstanceOf(CannotWriteException.class);
    }

    @Test
    void theCauseIsFoundInAChain() {
        CannotWriteException cause = new CannotWriteException(dir, new IOException("Disk quota exceeded"));
        assertThat(CannotWriteException.in(new RuntimeException(new IllegalStateException(cause)))).isSameAs(cause);
        assertThat(CannotWriteException.in(new RuntimeException("else"))).isNull();
        assertThat(cause.reason()).isEqualTo("Disk quota exceeded");
    }
}
