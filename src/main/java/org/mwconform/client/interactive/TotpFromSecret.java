package org.mwconform.client.interactive;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.mwconform.client.AuthField;
import org.mwconform.client.AuthRequest;
import org.mwconform.secrets.SecretMasker;

import javax.crypto.spec.SecretKeySpec;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.util.Optional;

/**
 * Two-factor setup as the documentation shows it: a request whose metadata carries a base32 {@code secret}
 * asks for the current code of that secret in its string field. The code is an RFC 6238 TOTP (HMAC-SHA-1,
 * 30 s, 6 digits, the authenticator-app defaults) from java-otp. Secret and code are registered as
 * secrets before anything can print them.
 */
public final class TotpFromSecret implements FieldStrategy {
    public static final String SECRET = "secret";
    private final SecretMasker masker;
    private final Clock clock;

    public TotpFromSecret(SecretMasker masker, Clock clock) {
        this.masker = masker;
        this.clock = clock;
    }

    @Override
    public Optional<String> answer(AuthRequest request, AuthField field) {
        String secret = request.metadata().get(SECRET);
        if (secret == null || !"string".equals(field.type())) {
            return Optional.empty();
        }
        return Optional.of(masker.register(code(secret)));
    }

    /** The current TOTP of a base32 secret as apps show it ("6CO3 2AKV EP2X MIV5": spaces and case do not matter). */
    public String code(String secret) {
        masker.register(secret);
        String compact = secret.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        masker.register(compact);
        TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
        try {
            return totp.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(compact), totp.getAlgorithm()),
                    clock.instant());
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a usable TOTP secret", e);
        }
    }

    @Override
    public String describe() {
        return "TOTP (RFC 6238) from the base32 secret in the request's metadata";
    }
}
