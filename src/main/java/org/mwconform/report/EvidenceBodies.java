package org.mwconform.report;

import org.mwconform.client.Exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Evidence keeps every exchange, but not every byte of a huge answer: a body over {@link #MAX_STORED_CHARACTERS} is
 * stored cut, followed by its whole length and the SHA-256 of the whole (masked) body, so what was seen can still be
 * told apart and checked, and the evidence stays small enough for every report to carry.
 */
public final class EvidenceBodies {
    /** A body longer than this (in characters) is stored cut. */
    public static final int MAX_STORED_CHARACTERS = 1 << 20;

    private EvidenceBodies() {
    }

    public static Exchange capped(Exchange e) {
        String body = e.body();
        if (body == null || body.length() <= MAX_STORED_CHARACTERS) {
            return e;
        }
        return new Exchange(e.purpose(), e.method(), e.url(), e.form(), e.status(), e.contentType(),
                body.substring(0, MAX_STORED_CHARACTERS) + marker(body), e.millis());
    }

    /** What follows a cut body: its whole length and hash. */
    static String marker(String body) {
        return "\n[mwconform: body cut at " + MAX_STORED_CHARACTERS + " of " + body.length() + " characters ("
                + body.getBytes(StandardCharsets.UTF_8).length + " bytes as UTF-8); sha256 of the whole: " + sha256(body) + "]";
    }

    static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
