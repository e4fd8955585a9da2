package org.mwconform.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.mwconform.accounts.FormFiller;
import org.mwconform.accounts.NewAccount;
import org.mwconform.accounts.Usernames;
import org.mwconform.client.AuthManagerInfo;
import org.mwconform.client.AuthRequest;
import org.mwconform.client.CreateAccountRequest;
import org.mwconform.client.Delivery;
import org.mwconform.client.LogEvent;
import org.mwconform.client.LoginResult;
import org.mwconform.conditions.Condition;
import org.mwconform.deployments.Credentials;
import org.mwconform.world.ScenarioWorld;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.CREATOR_LOGGED_IN;
import static org.mwconform.conditions.Conditions.NEWUSERS_CREATED_BY_CREATOR;
import static org.mwconform.conditions.Conditions.NEWUSERS_MAILED;
import static org.mwconform.conditions.Conditions.TOKEN_ISSUED;

/**
 * Creating an account for someone else: the scenario's own session logs in as the creator (the
 * {@code creator} credentials of the environment file), then creates an account with a reason, or with
 * {@code mailpassword} in place of password and retype. The creation and its log entry are checked
 * through the API like any other.
 */
public class CreatorSteps {
    /** The documentation's parameter: "use mailpassword in place of password and retype". */
    private static final String MAILPASSWORD = "mailpassword";
    private static final String REASON = "reason";

    private final ScenarioWorld world;
    /** The creator as the wiki names them once logged in (meta=userinfo). */
    private String creatorName;
    private String reason;

    public CreatorSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("I am logged in as a user who may create accounts")
    public void logIn() {
        Credentials.Lookup lookup = Credentials.lookup(world.deployment(), Credentials.CREATOR);
        Credentials creator = lookup.credentials().orElseThrow(() -> world.notApplicable(lookup.evidence()));
        LoginResult login = world.api().clientLogin(creator.username(), creator.password(), world.returnUrl());
        String name = world.api().currentUserName();
        world.verifier().check(CREATOR_LOGGED_IN, () -> {
            assertThat(login.passed()).as("clientlogin as %s (the wiki answered %s)", creator.username(), login.describe()).isTrue();
            assertThat(login.username()).as("clientlogin.username").isEqualTo(Usernames.canonical(creator.username()));
            assertThat(name).as("meta=userinfo name after logging in").isEqualTo(login.username());
        });
        creatorName = name;
    }

    /** Tokens belong to a session and its user: the token is fetched after logging in, with the fields the creator is offered. */
    @Given("I have fetched the fields and a createaccount token as that user")
    public void prepareAsCreator() {
        world.fetchFieldsAndToken();
        world.verifier().check(TOKEN_ISSUED, () -> assertThat(world.token()).as("createaccounttoken of the logged-in creator").isNotBlank());
    }

    @When("I create an account for someone else with the reason {string}")
    public void createWithReason(String reason) {
        this.reason = reason;
        world.submit(filledWithPassword().with(REASON, reason), Delivery.POST_BODY);
    }

    @When("I create an account for someone else without a reason")
    public void createWithoutReason() {
        this.reason = "";
        world.submit(filledWithPassword().without(REASON), Delivery.POST_BODY);
    }

    @When("I create an account for someone else with the reason {string}, using mailpassword instead of password and retype, for the email address {string}")
    public void createWithMailPassword(String reason, String email) {
        this.reason = reason;
        world.submit(withMailPassword(filledWithPassword(), reason).with("email", email), Delivery.POST_BODY);
    }

    @When("I create an account for someone else with the reason {string}, using mailpassword instead of password and retype, without an email address")
    public void createWithMailPasswordWithoutEmail(String reason) {
        this.reason = reason;
        world.submit(withMailPassword(filledWithPassword(), reason).with("email", ""), Delivery.POST_BODY);
    }

    @Then("the newusers log records me as its creator, with the reason")
    public void loggedWithReason() {
        logged(NEWUSERS_CREATED_BY_CREATOR, "create2", reason);
    }

    @Then("the newusers log records me as its creator, with no reason")
    public void loggedWithoutReason() {
        logged(NEWUSERS_CREATED_BY_CREATOR, "create2", "");
    }

    @Then("the newusers log records me as its creator, with the reason, and that its temporary password was mailed")
    public void loggedAsMailed() {
        logged(NEWUSERS_MAILED, "byemail", reason);
    }

    /**
     * The fields the creator is offered, filled for a fresh account with a password. A logged-in creator
     * is offered two "primary-required" requests, of which one is enough: password and retype, or
     * mailpassword. The password one is filled here; {@link #withMailPassword} swaps it for the other.
     */
    private CreateAccountRequest filledWithPassword() {
        AuthManagerInfo info = world.authManagerInfo();
        AuthManagerInfo passwordOnly = new AuthManagerInfo(info.canCreateAccounts(),
                info.requests().stream().filter(r -> !r.fields().containsKey(MAILPASSWORD)).toList());
        NewAccount account = world.accounts().next();
        FormFiller.Filled filled = world.fill(passwordOnly, account, world.token());
        ScenarioWorld.requireAnswerable(filled);
        world.expectAccount(account);
        return filled.request();
    }

    private CreateAccountRequest withMailPassword(CreateAccountRequest request, String reason) {
        List<AuthRequest> offering = world.authManagerInfo().requests().stream().filter(r -> r.fields().containsKey(MAILPASSWORD)).toList();
        if (offering.isEmpty()) {
            throw world.notApplicable("authmanagerinfo offers the logged-in creator no mailpassword field (MediaWiki offers it"
                    + " only when email is enabled, $wgEnableEmail: TemporaryPasswordPrimaryAuthenticationProvider::getAuthenticationRequests)");
        }
        return request.without("password").without("retype").with(MAILPASSWORD, "1").with(REASON, reason);
    }

    private void logged(Condition condition, String action, String comment) {
        String name = world.account().username();
        List<LogEvent> events = Eventually.read(world.visibility(), record -> world.api().newUsersLog(name, record), l -> !l.isEmpty());
        world.verifier().check(condition, () -> assertThat(events).as("newusers log entries for User:%s", name)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.type()).as("the log entry's type").isEqualTo("newusers");
                    assertThat(e.action()).as("the log entry's action").isEqualTo(action);
                    assertThat(e.user()).as("the log entry's performer").isEqualTo(creatorName);
                    assertThat(Objects.toString(e.comment(), "")).as("the log entry's comment").isEqualTo(comment);
                }));
    }
}
