package org.mwconform.client;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code createaccount} object of a response: PASS, FAIL, UI, REDIRECT or RESTART.
 * {@code keys} are the members the wiki actually sent, so shape checks need no JSON paths.
 * {@code message} is the text of a string message; {@code rawMessage} is what
 * {@code createmessageformat=raw} sends instead: the message key and its parameters. {@code mergedFields} is the
 * {@code fields} member {@code createmergerequestfields} adds; {@code canPreserveState} the one a FAIL or RESTART carries.
 */
public record CreateAccountResult(String status, String username, String message, RawMessage rawMessage,
                                  String messagecode, String redirecttarget, List<AuthRequest> requests, Set<String> keys,
                                  Map<String, AuthField> mergedFields, boolean canPreserveState) {
    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String UI = "UI";
    public static final String REDIRECT = "REDIRECT";
    public static final String RESTART = "RESTART";

    /** A message as {@code {"key": ..., "params": [...]}}; params are kept as text. */
    /** @param params null when the JSON has no {@code params} array */
    public record RawMessage(String key, List<String> params) {
    }
}
