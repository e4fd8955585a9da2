package org.mwconform.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import org.mwconform.accounts.FormFiller;
import org.mwconform.accounts.NewAccount;
import org.mwconform.accounts.Usernames;
import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.RefusedUsernames;
import org.mwconform.client.CreateAccountOutcome;
import org.mwconform.client.CreateAccountResult;
import org.mwconform.client.Delivery;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.world.ScenarioWorld;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
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
        MediaWikiApi other = world.newSessionFromAnotherAddress();
        NewAccount existing = world.accounts().next();
        FormFiller.Filled filled = world.fill(other.authManagerInfo(), existing, other.createAccountToken().orElse(null));
        ScenarioWorld.requireAnswerable(filled);
        CreateAccountOutcome created = other.createAccount(filled.request(), Delivery.POST_BODY);
        world.verifier().check(STATUS, () -> assertThat(created.result()).as("createaccount of the existing account")
                .isNotNull().extracting(CreateAccountResult::status).isEqualTo(CreateAccountResult.PASS));
        prepareFor(new NewAccount(existing.username(), world.accounts().newPassword()));
        world.accountExistedBefore(true);
    }

    /** Read from list=allusers, never created here: it works on read-only wikis. */
    @Given("the request names an account that already exists")
    public void namesAnExistingAccount() {
        world.useExistingAccount();
    }

    /** TitleBlacklist tests a name in testUserForCreation too: {@code list=users&usprop=cancreate} judges it on a read-only target. */
    @When("I create an account whose username contains the words the title blacklist refuses")
    public void createWithTitleBlacklistedName() {
        createWithUsernameContaining(RefusedUsernames.TITLE_BLACKLIST.words(world.deployment()), true);
    }

    /**
     * Always a POST: AbuseFilter tests a new name only in testForAccountCreation (its testUserForCreation looks at
     * autocreations alone), so cancreate cannot show its refusal. On a read-only target the retyped password differs.
     */
    @When("I create an account whose username contains the words the abuse filter refuses")
    public void createWithAbuseFilteredName() {
        createWithUsernameContaining(RefusedUsernames.ABUSE_FILTER.words(world.deployment()), false);
    }

    private void createWithUsernameContaining(String words, boolean judgedByName) {
        // A fresh name (never an existing one: these rules apply to new accounts only) with the words in it.
        String name = world.accounts().next().username() + " " + words;
        world.expectAccount(new NewAccount(name, world.account().password()));
        if (judgedByName) {
            world.submitNameProbe(world.request().with("username", name));
        } else {
            world.submitAnswered(world.request().with("username", name));
        }
    }

    @When("I create it again, asking for messages as {word}")
    public void createAgainIn(String format) {
        world.submitAnswered(world.request().with("createmessageformat", format));
    }

    @When("I create an account with a fresh username and a strong password")
    public void createAsAnnounced() {
        world.submitAnswered(world.request());
    }

    /** Refused for its name alone (userexists): judged by list=users on a read-only target. */
    @When("I create an account with the same username")
    public void createWithTheSameUsername() {
        world.submitNameProbe(world.request());
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
        world.submitAnswered(world.request().with("retype", world.accounts().newPassword()));
    }

    @When("I create an account with the email address {string}")
    public void createWithEmail(String email) {
        world.submitAnswered(world.request().with("email", email));
    }

    @When("I create an account whose retyped password differs, asking for messages as {word}")
    public void createWithDifferentRetypeIn(String format) {
        world.submitAnswered(world.request().with("retype", world.accounts().newPassword()).with("createmessageformat", format));
    }

    @When("I create an account with a createreturnurl that is not absolute")
    public void createWithRelativeReturnUrl() {
        world.submit(world.request().with("createreturnurl", "/index.php"), Delivery.POST_BODY);
    }

    @When("I create an account without retyping the password")
    public void createWithoutRetype() {
        world.submitAnswered(world.request().without("retype"));
    }

    @When("I create an account whose username ends in {string}")
    public void createWithUsernameEndingIn(String end) {
        createNamed(world.account().username() + end);
    }

    @When("I create an account whose username is an IP address")
    public void createWithIpAddressAsUsername() {
        createNamed("127.0.0.9");
    }

    /** The account looked for afterwards is the one the request named, not the fresh name it was built from. */
    private void createNamed(String username) {
        world.expectAccount(new NewAccount(username, world.account().password()));
        world.submitNameProbe(world.request().with("username", username));
    }

    /** MediaWiki stores "mwconform_x_y" as "Mwconform x y". */
    @When("I create an account whose username is written in lower case with underscores")
    public void createWithUnnormalisedUsername() {
        String marked = world.account().username();
        String typed = Character.toLowerCase(marked.charAt(0)) + marked.substring(1).replace('-', '_');
        world.expectAccount(new NewAccount(Usernames.canonical(typed), world.account().password()));
        world.submitAnswered(world.request().with("username", typed));
    }

    @When("I create an account whose password is {string}")
    public void createWithPassword(String password) {
        // A well-known weak password is no secret, and registering it would mask the word everywhere.
        world.submitAnswered(world.request().with("password", password).with("retype", password));
    }

    /**
     * Well-known passwords of several lengths, all in MediaWiki's common-passwords list; the one used is the first
     * the wiki's own policy (action=validatepassword) refuses for being common and for nothing else, so a longer
     * minimum length (or any other rule) never turns this into a different refusal.
     */
    private static final List<String> COMMON_PASSWORDS = List.of("password", "qwertyuiop", "1q2w3e4r5t6y", "qwertyuiopasdfgh");

    @When("I create an account with a password from the list of common passwords")
    public void createWithCommonPassword() {
        String user = world.account().username();
        List<String> evidence = new ArrayList<>();
        for (String candidate : COMMON_PASSWORDS) {
            Optional<List<String>> failures = world.api().passwordPolicyFailures(candidate, user);
            if (failures.isEmpty()) {
                throw new NotApplicable("the wiki has no action=validatepassword to say which common password its policy refuses for that alone");
            }
            if (failures.get().equals(List.of("passwordincommonlist"))) {
                createWithPassword(candidate);
                return;
            }
            evidence.add(candidate.length() + " characters: " + failures.get());
        }
        throw new NotApplicable("action=validatepassword refuses none of the common passwords tried for being common alone: "
                + String.join("; ", evidence));
    }

    @When("I create an account whose password is its username")
    public void createWithUsernameAsPassword() {
        String name = world.account().username();
        world.submitAnswered(world.request().with("password", name).with("retype", name));
    }

    @When("I create an account with the email address {string} and no real name, as the documentation's sample does")
    public void createWithEmailLikeTheSample(String email) {
        world.submitAnswered(world.request().with("email", email).without("realname"));
    }

    private void prepareFor(NewAccount account) {
        world.prepareCreation(account);
        world.verifier().check(TOKEN_ISSUED, () -> assertThat(world.token()).as("createaccounttoken").isNotBlank());
    }

}
