package org.mwconform.extension;

import org.junit.jupiter.api.Test;
import org.mwconform.accounts.FieldStrategies;
import org.mwconform.accounts.FormFiller;
import org.mwconform.accounts.NewAccount;
import org.mwconform.captcha.CaptchaChallenge;
import org.mwconform.captcha.CaptchaSolvers;
import org.mwconform.client.AuthField;
import org.mwconform.client.AuthManagerInfo;
import org.mwconform.client.AuthRequest;
import org.mwconform.deployments.DeploymentLoader;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Field and CAPTCHA strategies are added by an extension the way requirements are: found through ServiceLoader. */
class ExtensionStrategiesTest {
    private static final AuthManagerInfo FORM = new AuthManagerInfo(true, List.of(
            request("MediaWiki\\Auth\\PasswordAuthenticationRequest", Map.of(
                    "username", new AuthField("username", "string", "Username", null, null, false),
                    "password", new AuthField("password", "password", "Password", null, null, false),
                    "retype", new AuthField("retype", "password", "Retype", null, null, false))),
            request("ReferralAuthenticationRequest", Map.of("referralcode", new AuthField("referralcode", "string", "Code", null, null, false)))));

    private static AuthRequest request(String id, Map<String, AuthField> fields) {
        return new AuthRequest(id, "required", "provider", "create", Map.of(), fields, Set.of("id", "fields"));
    }

    private final CaptchaSolvers captchas = CaptchaSolvers.forDeployment(new DeploymentLoader().adHoc("http://127.0.0.1:9/api.php", false, null));

    @Test
    void aRegisteredFieldStrategyAnswersAFieldAnExtensionAdds() {
        FormFiller.Filled filled = new FormFiller(captchas, FieldStrategies.load(getClass().getClassLoader()))
                .fill(FORM, new NewAccount("Mwconform-x", "secret-secret"), "token+\\", "http://127.0.0.1:9/");
        assertThat(filled.unanswerable()).isEmpty();
        assertThat(filled.request().get("referralcode")).isEqualTo("WELCOME");
    }

    @Test
    void withoutItTheFieldIsUnanswerableAndTheScenarioWouldNotApply() {
        FormFiller.Filled filled = new FormFiller(captchas, FieldStrategies.none())
                .fill(FORM, new NewAccount("Mwconform-x", "secret-secret"), "token+\\", "http://127.0.0.1:9/");
        assertThat(filled.unanswerable()).containsExactly("referralcode (ReferralAuthenticationRequest)");
    }

    @Test
    void aRegisteredCaptchaStrategyIsTriedAfterTheCoresOwn() {
        assertThat(captchas.answer(new CaptchaChallenge("42", "made up", "test-oracle"))).contains("oracle-42");
        assertThat(captchas.whyNot(new CaptchaChallenge("7", "?", "audio"))).contains("the test oracle");
    }
}
