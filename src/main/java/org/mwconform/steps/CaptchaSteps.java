package org.mwconform.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.mwconform.captcha.CaptchaChallenge;
import org.mwconform.client.AuthRequest;
import org.mwconform.client.Delivery;
import org.mwconform.world.ScenarioWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.CAPTCHA_REQUEST;
import static org.mwconform.conditions.Conditions.CAPTCHA_SKIPPED;

/** Example 2 of the documentation: a wiki whose account creation asks a CAPTCHA. */
public class CaptchaSteps {
    private final ScenarioWorld world;

    public CaptchaSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("authmanagerinfo describes a CAPTCHA with the fields captchaId, captchaInfo and captchaWord")
    public void captchaDescribed() {
        AuthRequest described = world.authManagerInfo().requests().stream()
                .filter(r -> CaptchaChallenge.REQUEST_ID.equals(r.id())).findFirst().orElse(null);
        // What a known deviation pins: the fields and the metadata the wiki announced (an hCaptcha has captchaWord only).
        world.verifier().check(CAPTCHA_REQUEST, org.mwconform.conditions.Verifier.observed(
                "fields", described == null ? null : String.join(",", described.fields().keySet()),
                "metadata.type", described == null ? null : described.metadata().get("type")), () -> {
            AuthRequest captcha = described;
            assertThat(captcha).as("the %s", CaptchaChallenge.REQUEST_ID).isNotNull();
            assertThat(captcha.required()).as("its required level").isEqualTo("required");
            assertThat(captcha.fields()).as("its fields").containsKeys("captchaId", "captchaInfo", "captchaWord");
            assertThat(captcha.fields().get("captchaId").type()).as("captchaId type").isEqualTo("hidden");
            assertThat(captcha.fields().get("captchaId").value()).as("captchaId value").isNotBlank();
            assertThat(captcha.fields().get("captchaInfo").value()).as("captchaInfo value").isNotBlank();
            assertThat(captcha.fields().get("captchaWord").type()).as("captchaWord type").isEqualTo("string");
        });
    }

    @Then("authmanagerinfo asks me no CAPTCHA")
    public void noCaptchaAsked() {
        world.verifier().check(CAPTCHA_SKIPPED, () -> assertThat(CaptchaChallenge.in(world.authManagerInfo()))
                .as("a %s announced to a user with skipcaptcha", CaptchaChallenge.REQUEST_ID).isEmpty());
    }

    @When("I create an account with a wrong answer to the CAPTCHA")
    public void wrongAnswer() {
        world.submitAnswered(world.request().with(CaptchaChallenge.ANSWER_FIELD, "not-the-answer-" + world.account().username()));
    }

    @When("I create an account without answering the CAPTCHA")
    public void noAnswer() {
        // Needs no answer, so a CAPTCHA nobody here can answer (hCaptcha) does not stop it.
        world.submit(world.request().without(CaptchaChallenge.ANSWER_FIELD), Delivery.POST_BODY);
    }

    /** An answer no CAPTCHA service issued: a wrong answer where the wiki checks it itself, an unverifiable token for hCaptcha. */
    @When("I create an account with an answer to the CAPTCHA that no CAPTCHA issued")
    public void unissuedAnswer() {
        world.submit(world.request().with(CaptchaChallenge.ANSWER_FIELD, "mwconform-unissued-" + world.account().username()),
                Delivery.POST_BODY);
    }

    @When("I create the account again, answering the same CAPTCHA correctly")
    public void sameCaptchaAgain() {
        world.submit(world.filled().request(), Delivery.POST_BODY);
    }

    @When("I fetch a new CAPTCHA from authmanagerinfo and create the account again")
    public void freshCaptcha() {
        world.prepareCreation(world.account());
        world.submitAnswered(world.request());
    }
}
