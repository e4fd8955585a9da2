package org.mwconform.client;

import java.util.List;
import java.util.Set;

/**
 * The {@code createaccount} object of a response: PASS, FAIL, UI, REDIRECT or RESTART.
 * {@code keys} are the members the wiki actually sent, so shape checks need no JSON paths.
 * {@code message} is the text of a string message; {@code rawMessage} is what
 * {@code createmessageformat=raw} sends instead: the message key and its parameters.
 */
public record CreateAccountResult(String status, String username, String message, RawMessage rawMessage,
                                  String messagecode, String redirecttarget, List<AuthRequest> requests, Set<String> keys) {
    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";

    /** A message as {@code {"key": ..., "params": [...]}}; params are kept as text. */
    public record RawMessage(String key, List<String> params) {
    }
}
