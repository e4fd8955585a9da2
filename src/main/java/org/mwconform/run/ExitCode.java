package org.mwconform.run;

/** The exit codes of every command, documented in the README: one place, so a run and its command agree. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int UNEXPECTED_RESULT = 1;
    public static final int USAGE_ERROR = 2;
    /** The reports could not be written while the run wrote them (a full disk, a quota, a read-only filesystem). */
    public static final int CANNOT_WRITE_REPORTS = 3;

    private ExitCode() {
    }
}
