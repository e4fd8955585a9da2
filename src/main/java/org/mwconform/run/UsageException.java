package org.mwconform.run;

/** The command line is wrong: one line of what to do instead, exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String oneLine) {
        super(oneLine);
    }
}
