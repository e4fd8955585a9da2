package org.mwconform.secrets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskerTest {
    private final SecretMasker masker = new SecretMasker();

    @Test
    void masksRegisteredValuesInEveryEncoding() {
        String token = "0cc0eaf3cbe1ee7f64dc22798f73ac396b02541e+\\";
        masker.register(token);
        assertThat(masker.mask("plain " + token)).doesNotContain("0cc0eaf3").contains(SecretMasker.MASK);
        assertThat(masker.mask("{\"t\":\"0cc0eaf3cbe1ee7f64dc22798f73ac396b02541e+\\\\\"}")).doesNotContain("0cc0eaf3");
        assertThat(masker.mask("createtoken=0cc0eaf3cbe1ee7f64dc22798f73ac396b02541e%2B%5C")).doesNotContain("0cc0eaf3");
    }

    @Test
    void masksParametersWhoseNamesAreSecret() {
        assertThat(masker.maskValue("password", "hunter2")).isEqualTo(SecretMasker.MASK);
        assertThat(masker.maskValue("retype", "hunter2")).isEqualTo(SecretMasker.MASK);
        assertThat(masker.maskValue("createtoken", "abc+\\")).isEqualTo(SecretMasker.MASK);
        assertThat(masker.maskValue("captchaWord", "blue")).isEqualTo(SecretMasker.MASK);
        assertThat(masker.maskValue("username", "Alice")).isEqualTo("Alice");
        assertThat(masker.maskValue("mailpassword", "1")).as("a flag, not a secret").isEqualTo("1");
    }

    @Test
    void masksTheLongerSecretWholeWhenOneContainsAnother() {
        masker.register("abcd");
        masker.register("abcdefgh");
        assertThat(masker.mask("x abcdefgh y")).isEqualTo("x " + SecretMasker.MASK + " y");
    }

    @Test
    void leavesShortValuesAloneSoOrdinaryTextSurvives() {
        masker.register("ab");
        assertThat(masker.mask("about")).isEqualTo("about");
    }
}
