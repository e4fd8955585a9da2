package org.mwconform.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.mwconform.client.AuthField;
import org.mwconform.client.AuthManagerInfo;
import org.mwconform.client.AuthRequest;
import org.mwconform.client.CreateAccountOutcome;
import org.mwconform.client.CreateAccountRequest;
import org.mwconform.client.CreateAccountResult;
import org.mwconform.client.Delivery;
import org.mwconform.client.interactive.BrowserRedirects;
import org.mwconform.client.interactive.InteractiveProcedure;
import org.mwconform.client.interactive.ThirdPartyProviders;
import org.mwconform.client.interactive.TotpFromSecret;
import org.mwconform.world.ScenarioWorld;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.MESSAGECODE;
import static org.mwconform.conditions.Conditions.MESSAGE_FORMAT;
import static org.mwconform.conditions.InteractiveConditions.FIELDS_ANSWERED;
import static org.mwconform.conditions.InteractiveConditions.MERGED_FIELDS;
import static org.mwconform.conditions.InteractiveConditions.REDIRECT_RETURNED;
import static org.mwconform.conditions.InteractiveConditions.REDIRECT_SHAPE;
import static org.mwconform.conditions.InteractiveConditions.TWO_FACTOR_UI;
import static org.mwconform.conditions.InteractiveConditions.UI_SHAPE;

/**
 * Example 3 of the documentation: REDIRECT, UI and createcontinue, driven by the announced requests only
 * ({@link InteractiveProcedure}); the fixture behind local-oidc-2fa is never named here.
 */
public class InteractiveSteps {
    static final String SKIP_BUTTON = "skip2FASetup";
    private final ScenarioWorld world;
    private InteractiveProcedure.Redirected redirected;
    private Map<String, String> earlierReturn;

    public InteractiveSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("I answer the CAPTCHA and select the third-party authentication")
    public void selectThirdParty() {
        world.submitAnswered(chooseThirdParty(world.authManagerInfo(), world.request()));
    }

    @When("I answer the CAPTCHA and select the third-party authentication, asking for merged field information")
    public void selectThirdPartyMerged() {
        world.submitAnswered(chooseThirdParty(world.authManagerInfo(), world.request()).with("createmergerequestfields", "1"));
    }

    @When("I start another account creation through the third-party authentication")
    public void anotherCreation() {
        earlierReturn = redirected.continuation().fields();
        world.prepareCreation(world.accounts().next());
        selectThirdParty();
        redirectAnswered();
    }

    @Then("account creation answers REDIRECT with a redirecttarget and the requests to continue with")
    public void redirectAnswered() {
        CreateAccountResult result = StatusChecks.status(world, CreateAccountResult.REDIRECT);
        world.verifier().check(REDIRECT_SHAPE, () -> {
            assertThat(result.keys()).as("members of createaccount").contains("status", "redirecttarget", "requests");
            assertThat(result.redirecttarget()).as("redirecttarget").isNotBlank();
            assertThat(URI.create(result.redirecttarget()).isAbsolute()).as("redirecttarget %s is an absolute URL", result.redirecttarget()).isTrue();
            assertRequestsShaped(result);
        });
    }

    @Then("the response merges the fields of all its requests into one fields array")
    public void mergedFields() {
        CreateAccountResult result = world.outcome().result();
        world.verifier().check(MERGED_FIELDS, () -> {
            assertThat(result.keys()).as("members of the response").contains("fields", "requests");
            assertThat(result.mergedFields()).as("the merged fields").isNotEmpty();
            result.mergedFields().values().forEach(f -> assertThat(f.type()).as("type of merged field %s", f.name()).isNotBlank());
            // "into one array": the requests keep their ids, their fields are in the merged array only.
            result.requests().forEach(r -> assertThat(r.keys()).as("members of request %s", r.id()).contains("id").doesNotContain("fields"));
        });
    }

    @When("I follow the redirecttarget like a browser until it returns to createreturnurl")
    public void followRedirect() {
        CreateAccountResult result = world.outcome().result();
        world.verifier().check(REDIRECT_RETURNED, () -> {
            try {
                redirected = world.interactive().afterRedirect(result, world.returnUrl());
            } catch (BrowserRedirects.RedirectFailed e) {
                throw new AssertionError(e.getMessage());
            }
            assertThat(redirected.continuation().unanswerable()).as("fields the requests ask for that the return URL did not bring").isEmpty();
            assertThat(redirected.continuation().fields()).as("fields passed to the return URL").isNotEmpty();
        });
    }

    @When("I post the fields passed to the return URL with createcontinue")
    public void postReturned() {
        continueWith(redirected.continuation().fields());
    }

    @When("I post the fields passed to the return URL with createcontinue, asking for messages as {word}")
    public void postReturnedIn(String format) {
        Map<String, String> fields = new LinkedHashMap<>(redirected.continuation().fields());
        fields.put("createmessageformat", format);
        continueWith(fields);
    }

    @When("I post the fields passed to the return URL with createcontinue, but with another state")
    public void postWrongState() {
        Map<String, String> fields = new LinkedHashMap<>(redirected.continuation().fields());
        fields.replaceAll((name, value) -> name.equals("state") ? value.substring(1) + "0" : value);
        continueWith(fields);
    }

    @When("I post the fields passed to the return URL with createcontinue, but without the code")
    public void postWithoutCode() {
        Map<String, String> fields = new LinkedHashMap<>(redirected.continuation().fields());
        fields.remove("code");
        continueWith(fields);
    }

    @When("I post the code and state of the earlier redirect with createcontinue")
    public void postEarlier() {
        continueWith(earlierReturn);
    }

    @Then("account creation answers UI with a message and the requests to continue with")
    public void uiAnswered() {
        CreateAccountResult result = StatusChecks.status(world, CreateAccountResult.UI);
        world.verifier().check(UI_SHAPE, () -> {
            assertThat(result.keys()).as("members of createaccount").contains("status", "message", "messagecode", "requests");
            assertThat(result.message()).as("createaccount.message").isNotBlank();
            assertRequestsShaped(result);
        });
    }

    @Then("the UI asks to set up two-factor authentication with a secret, a code field and a skip2FASetup button")
    public void twoFactorAsked() {
        List<AuthRequest> requests = world.outcome().result().requests();
        world.verifier().check(TWO_FACTOR_UI, () -> {
            AuthRequest setup = requests.stream().filter(r -> r.metadata().containsKey(TotpFromSecret.SECRET)).findFirst().orElse(null);
            assertThat(setup).as("a request with a secret in its metadata, among %s", ThirdPartyProviders.describe(requests)).isNotNull();
            assertThat(setup.fields().values()).as("its fields").anyMatch(f -> "string".equals(f.type()));
            assertThat(InteractiveProcedure.press(requests, SKIP_BUTTON)).as("a %s button", SKIP_BUTTON).isPresent();
        });
    }

    @Then("the message comes as raw, with its key and parameters instead of text")
    public void uiMessageRaw() {
        CreateAccountResult result = StatusChecks.status(world, CreateAccountResult.UI);
        world.verifier().check(MESSAGE_FORMAT, () -> {
            assertThat(result.rawMessage()).as("createaccount.message as {key, params}").isNotNull();
            assertThat(result.rawMessage().key()).as("message key").isNotBlank();
            assertThat(result.rawMessage().params()).as("message params").isNotNull();
            assertThat(result.message()).as("a message as text").isNull();
        });
    }

    @Then("its messagecode is the message key")
    public void messagecodeIsKey() {
        CreateAccountResult result = world.outcome().result();
        world.verifier().check(MESSAGECODE, () -> assertThat(result.messagecode()).as("createaccount.messagecode")
                .isEqualTo(result.rawMessage() == null ? null : result.rawMessage().key()));
    }

    @When("I set up two-factor authentication with the current code")
    public void setUpTwoFactor() {
        InteractiveProcedure.Continuation answered = world.interactive().afterUi(world.outcome().result());
        world.verifier().check(FIELDS_ANSWERED, () -> assertThat(answered.unanswerable()).as("unanswered fields").isEmpty());
        continueWith(answered.fields());
    }

    @When("I set up two-factor authentication with a wrong code")
    public void setUpTwoFactorWrongly() {
        CreateAccountResult ui = world.outcome().result();
        Map<String, String> fields = new LinkedHashMap<>(world.interactive().afterUi(ui).fields());
        for (AuthRequest request : ui.requests()) {
            String secret = request.metadata().get(TotpFromSecret.SECRET);
            if (secret != null) {
                request.fields().values().stream().filter(f -> "string".equals(f.type()))
                        .forEach(f -> fields.put(f.name(), wrongCode(fields.get(f.name()))));
            }
        }
        continueWith(fields);
    }

    @When("I skip the two-factor authentication setup")
    public void skip() {
        Map<String, String> pressed = InteractiveProcedure.press(world.outcome().result().requests(), SKIP_BUTTON)
                .orElseThrow(() -> new AssertionError("no " + SKIP_BUTTON + " button to press"));
        continueWith(pressed);
    }

    @When("I continue an account creation with createcontinue that was never started")
    public void continueNothing() {
        continueWith(Map.of());
    }

    /** A code three steps away from the right one (a TOTP verifier accepts one step either side, never three). */
    private static String wrongCode(String right) {
        int value = right == null ? 0 : Integer.parseInt(right);
        return String.format("%06d", (value + 500_000) % 1_000_000);
    }

    private void continueWith(Map<String, String> fields) {
        Map<String, String> params = new LinkedHashMap<>(fields);
        params.put("createcontinue", "1");
        if (world.token() != null) {
            params.put("createtoken", world.token());
        }
        world.submit(CreateAccountRequest.of(params), Delivery.POST_BODY);
    }

    /**
     * "Select" a provider as a form does: press its button and leave out the fields that only the other
     * primary-required requests ask for (a password), keeping those every request shares (username).
     */
    static CreateAccountRequest chooseThirdParty(AuthManagerInfo info, CreateAccountRequest filled) {
        AuthRequest chosen = ThirdPartyProviders.first(info.requests())
                .orElseThrow(() -> new AssertionError("authmanagerinfo announces no third-party provider"));
        Set<String> keep = info.requests().stream().filter(r -> r == chosen || !"primary-required".equals(r.required()))
                .flatMap(r -> r.fields().keySet().stream()).collect(Collectors.toSet());
        CreateAccountRequest request = filled;
        for (AuthRequest other : info.requests()) {
            if (other != chosen && "primary-required".equals(other.required())) {
                for (String field : other.fields().keySet()) {
                    if (!keep.contains(field)) {
                        request = request.without(field);
                    }
                }
            }
        }
        for (AuthField button : chosen.fields().values()) {
            request = request.with(button.name(), "1");
        }
        return request;
    }

    /** Each request with its members and fields; with createmergerequestfields the fields are in the response's one array. */
    private static void assertRequestsShaped(CreateAccountResult result) {
        assertThat(result.requests()).as("requests").isNotEmpty();
        boolean merged = result.keys().contains("fields");
        result.requests().forEach(r -> {
            assertThat(r.keys()).as("members of request %s", r.id()).contains("id", "required", "provider", "account");
            if (!merged) {
                assertThat(r.keys()).as("members of request %s", r.id()).contains("fields");
                assertThat(r.fields()).as("fields of %s", r.id()).isNotEmpty();
            }
        });
        if (merged) {
            assertThat(result.mergedFields()).as("the merged fields").isNotEmpty();
        }
    }
}
