package org.mwconform.files;

import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way report files are written (results.json, the matrix page, junit.xml, evidence, Allure results, facts,
 * the docs site): each is written whole to a hidden temporary name in its own folder, then renamed over the final
 * name, so a reader, a second run or a crash never sees half a file. A failed write removes its temporary file and
 * throws {@link CannotWriteException} (unchecked) with the system's reason: callers never swallow it.
 * <p>
 * Temporary names start with a dot and end in {@value #TEMPORARY_SUFFIX}; a process killed mid-write can leave one
 * behind, which nothing reads (run folders that were being written are removed whole by the next run, see
 * {@code run/ReportsFolder}).
 */
public final class AtomicFiles {
    public static final String TEMPORARY_SUFFIX = ".partial";

    /** Writes the whole content to a stream; the stream is closed by the caller. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static Path writeString(Path file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return write(file, out -> out.write(bytes));
    }

    /** {@code value} as JSON (or YAML) by {@code writer}, which must not close the stream early (Jackson's default is fine). */
    public static Path writeJson(Path file, ObjectWriter writer, Object value) {
        return write(file, out -> writer.writeValue(out, value));
    }

    /** A copy of {@code from} at {@code to}, written the same way. */
    public static Path copy(Path from, Path to) {
        return write(to, out -> {
            try (InputStream in = Files.newInputStream(from)) {
                in.transferTo(out);
            }
        });
    }

    public static Path write(Path file, Content content) {
        Path folder = file.toAbsolutePath().getParent();
        createDirectories(folder);
        Path temporary = folder.resolve("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + TEMPORARY_SUFFIX);
        try {
            // Not createTempFile: that makes the file private (0600); a report file gets the umask's permissions like any other.
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            move(temporary, file);
            return file;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            // An IOException to Jackson, but a value it cannot serialise is a defect of the harness, not the disk.
            deleteQuietly(temporary);
            throw new IllegalStateException("cannot serialise " + file.getFileName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new CannotWriteException(file, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temporary);
            if (e instanceof java.io.UncheckedIOException unchecked && CannotWriteException.in(e) == null) {
                throw new CannotWriteException(file, unchecked.getCause());  // a content writer that wraps its I/O failure
            }
            throw e;
        }
    }

    /** Creates the folder and its parents; a failure is a {@link CannotWriteException}. */
    public static Path createDirectories(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CannotWriteException(folder, e);
        }
    }

    private static void move(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);  // a filesystem without rename(2) semantics
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the write's own failure is what the caller reports
        }
    }
}
