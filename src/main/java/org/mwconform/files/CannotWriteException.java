package org.mwconform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A report file could not be written (no space left, a read-only filesystem, permission denied, a quota, a file
 * size limit): the run cannot keep what it judged, so it ends with one line and {@code ExitCode.CANNOT_WRITE_REPORTS}
 * instead of going on or printing a stack trace. {@link #reason()} is the system's own words.
 */
public final class CannotWriteException extends UncheckedIOException {
    private final transient Path file;
    private final String reason;

    public CannotWriteException(Path file, IOException cause) {
        super("cannot write " + file + ": " + reasonOf(cause), cause);
        this.file = file;
        this.reason = reasonOf(cause);
    }

    /** The file that could not be written. */
    public Path file() {
        return file;
    }

    /** What the system said, e.g. "No space left on device". */
    public String reason() {
        return reason;
    }

    /** The first exception of the chain that is one, or null. */
    public static CannotWriteException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotWriteException c) {
                return c;
            }
        }
        return null;
    }

    /** "No space left on device", not "/reports/runs/x/results.json: No space left on device". */
    static String reasonOf(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
