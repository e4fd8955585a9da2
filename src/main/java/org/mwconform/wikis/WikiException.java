package org.mwconform.wikis;

/** Why a local wiki cannot be installed, started or stopped: one line for the user, naming the log to read. */
public final class WikiException extends RuntimeException {
    public WikiException(String message) {
        super(message);
    }
}
