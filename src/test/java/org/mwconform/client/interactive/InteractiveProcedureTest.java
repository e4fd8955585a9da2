package org.mwconform.client.interactive;

import org.junit.jupiter.api.Test;
import org.mwconform.client.AuthField;
import org.mwconform.client.AuthRequest;
import org.mwconform.client.CreateAccountResult;
import org.mwconform.secrets.SecretMasker;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InteractiveProcedureTest {

    /** RFC 6238 appendix B, SHA-1 key "12345678901234567890", last six digits. */
    @Test
    void totpMatchesTheRfcTestVectors() {
        SecretMasker masker = new SecretMasker();
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(totpAt(masker, 59).code(secret)).isEqualTo("287082");
        assertThat(totpAt(masker, 1111111109).code(secret)).isEqualTo("081804");
        assertThat(totpAt(masker, 2000000000).code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo("279037");
        assertThat(masker.mask("secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).doesNotContain("GEZD");
    }

    @Test
    void aUiIsAnsweredFromTheSecretItGivesAndButtonsOnlyWhenPressed() {
        SecretMasker masker = new SecretMasker();
        InteractiveProcedure procedure = new InteractiveProcedure(null, List.of(totpAt(masker, 59)));
        AuthRequest setup = request("TwoFactorAuthenticationRequest", "optional", Map.of("secret", "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"),
                field("2FAInfo", "null"), field("code", "string"));
        AuthRequest skip = request("MediaWiki\\Auth\\ButtonAuthenticationRequest:skip2FASetup", "optional", Map.of(), field("skip2FASetup", "button"));
        CreateAccountResult ui = new CreateAccountResult("UI", null, "Set up", null, "x", null, List.of(setup, skip), Set.of(), Map.of(), false);

        InteractiveProcedure.Continuation answered = procedure.afterUi(ui);
        assertThat(answered.fields()).containsExactly(Map.entry("code", "287082"));
        assertThat(answered.unanswerable()).isEmpty();
        assertThat(masker.mask("code 287082")).isEqualTo("code " + SecretMasker.MASK);
        assertThat(InteractiveProcedure.press(ui.requests(), "skip2FASetup")).contains(Map.of("skip2FASetup", "1"));
        assertThat(InteractiveProcedure.press(ui.requests(), "code")).isEmpty();
    }

    @Test
    void aRequiredFieldNoStrategyAnswersIsListedNeverInvented() {
        InteractiveProcedure procedure = new InteractiveProcedure(null, List.of());
        AuthRequest other = request("SomeProviderRequest", "required", Map.of(), field("pin", "string"));
        CreateAccountResult ui = new CreateAccountResult("UI", null, "?", null, "x", null, List.of(other), Set.of(), Map.of(), false);
        assertThat(procedure.afterUi(ui).unanswerable()).containsExactly("pin (SomeProviderRequest)");
        assertThat(procedure.afterUi(ui).fields()).isEmpty();
    }

    @Test
    void theProviderChosenByAButtonIsTheThirdPartyOne() {
        AuthRequest password = request("PasswordAuthenticationRequest", "primary-required", Map.of(), field("username", "string"),
                field("password", "password"));
        AuthRequest oidc = request("Oidc:login", "primary-required", Map.of(), field("oidclogin", "button"));
        AuthRequest skip = request("Button:skip", "optional", Map.of(), field("skip", "button"));
        assertThat(ThirdPartyProviders.first(List.of(password, skip, oidc))).contains(oidc);
        assertThat(ThirdPartyProviders.first(List.of(password, skip))).isEmpty();
    }

    @Test
    void theReturnUrlIsRecognisedWithoutBeingRequested() {
        URI returnTo = URI.create("http://127.0.0.1:8396/");
        assertThat(BrowserRedirects.isReturn(URI.create("http://127.0.0.1:8396/?code=a&state=b"), returnTo)).isTrue();
        assertThat(BrowserRedirects.isReturn(URI.create("http://127.0.0.1:8396/index.php?code=a"), returnTo)).isFalse();
        assertThat(BrowserRedirects.isReturn(URI.create("http://localhost:8396/?code=a"), returnTo)).isFalse();
        assertThat(BrowserRedirects.isReturn(URI.create("http://127.0.0.1:8397/?code=a"), returnTo)).isFalse();
        ReturnVisit visit = new ReturnVisit(URI.create("http://127.0.0.1:8396/w?returnto=Main&code=a%2Bb&state=s"),
                ReturnVisit.query(URI.create("http://127.0.0.1:8396/w?returnto=Main&code=a%2Bb&state=s")), List.of(), 1);
        assertThat(visit.addedTo("http://127.0.0.1:8396/w?returnto=Main")).containsExactly(Map.entry("code", "a+b"), Map.entry("state", "s"));
    }

    private static TotpFromSecret totpAt(SecretMasker masker, long epochSecond) {
        return new TotpFromSecret(masker, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static AuthField field(String name, String type) {
        return new AuthField(name, type, name, name, null, false, false);
    }

    private static AuthRequest request(String id, String required, Map<String, String> metadata, AuthField... fields) {
        Map<String, AuthField> byName = new LinkedHashMap<>();
        for (AuthField f : fields) {
            byName.put(f.name(), f);
        }
        return new AuthRequest(id, required, id, id, metadata, byName, Set.of("id", "required", "provider", "account", "fields"));
    }
}
