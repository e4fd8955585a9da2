package org.mwconform.client;

import java.util.List;
import java.util.Set;

/**
 * The {@code createaccount} object of a response: PASS, FAIL, UI, REDIRECT or RESTART.
 * {@code keys} are the members the wiki actually sent, so shape checks need no JSON paths.
 */
public record CreateAccountResult(String status, String username, String message, String messagecode,
                                  String redirecttarget, List<AuthRequest> requests, Set<String> keys) {
    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
}
