package org.mwconform.run;

import org.mwconform.files.CannotWriteException;

import java.nio.file.Path;

/**
 * A run's reports could not be written (no space left, a read-only filesystem, permission denied, a quota): one line,
 * {@code mwconform: cannot write reports to DIR: REASON}, and {@link ExitCode#CANNOT_WRITE_REPORTS}. What the run had
 * written is removed and {@code latest} stays where it was.
 */
public final class ReportsUnwritableException extends RuntimeException {
    public ReportsUnwritableException(Path reports, CannotWriteException cause) {
        super("cannot write reports to " + reports + ": " + cause.reason(), cause);
    }
}
