package org.mwconform.secrets;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Masking by construction: URLs, every encoding of a registered secret, fields the wiki marks sensitive. */
class SecretMaskerUrlAndEncodingsTest {
    private final SecretMasker masker = new SecretMasker();

    @Test
    void aUrlShowsNeitherItsUserinfoNorItsQueryValues() {
        assertThat(SecretMasker.redactUrl("http://user:pass@wiki.example/w/api.php?Token=abc&x=1"))
                .isEqualTo("http://" + SecretMasker.MASK + "@wiki.example/w/api.php?Token=" + SecretMasker.MASK + "&x=" + SecretMasker.MASK);
        assertThat(SecretMasker.redactUrl("https://wiki.example/w/api.php")).isEqualTo("https://wiki.example/w/api.php");
    }

    @Test
    void aUrlsSecretsAreRegisteredWhereverTheyAppear() {
        masker.registerUrl(URI.create("http://someone:s3cr3t-pass@wiki.example/api.php?key=K3y-value%2B1"));
        assertThat(masker.mask("pass s3cr3t-pass, key K3y-value+1 and K3y-value%2B1"))
                .doesNotContain("s3cr3t-pass").doesNotContain("K3y-value");
    }

    @Test
    void everyEncodingOfASecretIsMasked() {
        masker.register("a/b c&d\"e");
        String base64 = Base64.getEncoder().encodeToString("a/b c&d\"e".getBytes(StandardCharsets.UTF_8));
        assertThat(masker.mask("raw a/b c&d\"e json a\\/b c&d\\\"e url a%2Fb+c%26d%22e url20 a%2Fb%20c%26d%22e html a/b c&amp;d&quot;e b64 " + base64))
                .doesNotContain("c&d").doesNotContain("c%26d").doesNotContain("c&amp;d").doesNotContain(base64);
    }

    @Test
    void aFieldTheWikiMarksSensitiveIsMaskedByName() {
        assertThat(masker.maskValue("wpAnswerField", "42")).as("not yet marked").isEqualTo("42");
        masker.registerSensitiveName("wpAnswerField");
        assertThat(masker.maskValue("wpAnswerField", "42")).isEqualTo(SecretMasker.MASK);
        assertThat(masker.maskValue("username", "Alice")).isEqualTo("Alice");
    }
}
