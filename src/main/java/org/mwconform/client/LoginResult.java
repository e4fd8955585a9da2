package org.mwconform.client;

/**
 * What one {@code action=clientlogin} POST produced: the {@code clientlogin} object (PASS, FAIL, UI, ...)
 * or a top-level API error (a bad login token, the module disabled).
 */
public record LoginResult(String status, String username, String message, String messagecode, ApiError error) {
    public static final String PASS = "PASS";

    public boolean passed() {
        return error == null && PASS.equals(status);
    }

    /** One line for a failed check: never the password, which the request alone carried. */
    public String describe() {
        if (error != null) {
            return "error " + error.code() + " (" + error.info() + ")";
        }
        return status == null ? "no clientlogin object" : "status " + status
                + (messagecode == null ? "" : " / " + messagecode) + (message == null ? "" : ": " + message);
    }
}
