package org.mwconform.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import org.mwconform.accounts.FormFiller;
import org.mwconform.accounts.NewAccount;
import org.mwconform.client.CreateAccountOutcome;
import org.mwconform.client.CreateAccountResult;
import org.mwconform.client.Delivery;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.world.ScenarioWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.FORM_FILLABLE;
import static org.mwconform.conditions.Conditions.STATUS;
import static org.mwconform.conditions.Conditions.TOKEN_ISSUED;

/** The "When I create an account ..." steps: one documented request, bent in one way at a time. */
public class AccountCreationSteps {
    /** Well-formed, but never issued by the wiki. */
    private static final String FORGED_TOKEN = "0123456789abcdef0123456789abcdef01234567+\\";
    private final ScenarioWorld world;

    public AccountCreationSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("I have fetched the fields and a createaccount token")
    public void prepare() {
        prepareFor(world.accounts().next());
    }

    @Given("an account that already exists")
    public void anExistingAccount() {
        // Created in a session of its own, so the scenario's session stays anonymous.
        MediaWikiApi other = world.newSession();
        NewAccount existing = world.accounts().next();
        FormFiller.Filled filled = new FormFiller().fill(other.authManagerInfo(), existing,
                other.createAccountToken().orElse(null), world.returnUrl());
        CreateAccountOutcome created = other.createAccount(filled.request(), Delivery.POST_BODY);
        world.verifier().check(STATUS, () -> assertThat(created.result()).as("createaccount of the existing account")
                .isNotNull().extracting(CreateAccountResult::status).isEqualTo(CreateAccountResult.PASS));
        prepareFor(new NewAccount(existing.username(), world.accounts().newPassword()));
    }

    @When("I create an account with a fresh username and a strong password")
    @When("I create an account with the same username")
    public void createAsAnnounced() {
        world.submit(world.request(), Delivery.POST_BODY);
    }

    @When("I create an account with an invalid token")
    public void createWithInvalidToken() {
        world.submit(world.request().with("createtoken", FORGED_TOKEN), Delivery.POST_BODY);
    }

    @When("I create an account without a token")
    public void createWithoutToken() {
        world.submit(world.request().without("createtoken"), Delivery.POST_BODY);
    }

    @When("I create an account with the token in the query string")
    public void createWithTokenInQueryString() {
        world.submit(world.request(), Delivery.TOKEN_IN_QUERY_STRING);
    }

    @When("I create an account with a GET request")
    public void createWithGet() {
        world.submit(world.request(), Delivery.GET);
    }

    @When("I create an account without createreturnurl or createcontinue")
    public void createWithoutReturnUrl() {
        world.submit(world.request().without("createreturnurl"), Delivery.POST_BODY);
    }

    @When("I create an account whose retyped password differs")
    public void createWithDifferentRetype() {
        world.submit(world.request().with("retype", world.accounts().newPassword()), Delivery.POST_BODY);
    }

    @When("I create an account with the email address {string}")
    public void createWithEmail(String email) {
        world.submit(world.request().with("email", email), Delivery.POST_BODY);
    }

    @When("I create an account with the email address {string} and no real name, as the documentation's sample does")
    public void createWithEmailLikeTheSample(String email) {
        world.submit(world.request().with("email", email).without("realname"), Delivery.POST_BODY);
    }

    private void prepareFor(NewAccount account) {
        FormFiller.Filled filled = world.prepareCreation(account);
        world.verifier().check(TOKEN_ISSUED, () -> assertThat(world.token()).as("createaccounttoken").isNotBlank());
        world.verifier().check(FORM_FILLABLE, () -> assertThat(filled.unanswerable())
                .as("required fields announced by authmanagerinfo that the harness cannot answer").isEmpty());
    }
}
