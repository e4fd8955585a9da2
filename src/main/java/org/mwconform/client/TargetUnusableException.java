package org.mwconform.client;

/**
 * The target cannot be tested at all: unreachable, or not answering the Action API with JSON.
 * This is an {@code error} outcome, never a conformance failure, and its message is one clear line.
 */
public class TargetUnusableException extends RuntimeException {
    public TargetUnusableException(String oneLine) {
        super(oneLine);
    }

    public TargetUnusableException(String oneLine, Throwable cause) {
        super(oneLine, cause);
    }
}
