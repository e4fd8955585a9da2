package org.mwconform.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.mwconform.accounts.NewAccount;
import org.mwconform.applicability.DeclaredTempAccountThrottle;
import org.mwconform.client.AuthRequest;
import org.mwconform.client.CanCreate;
import org.mwconform.client.CurrentUser;
import org.mwconform.client.EditOutcome;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.client.TemporaryAccounts;
import org.mwconform.client.WikiUser;
import org.mwconform.world.ScenarioWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.TemporaryAccountConditions.AMI_TEMP_ACCOUNT;
import static org.mwconform.conditions.TemporaryAccountConditions.CANCREATE_REFUSED;
import static org.mwconform.conditions.TemporaryAccountConditions.SESSION_ANONYMOUS;
import static org.mwconform.conditions.TemporaryAccountConditions.SESSION_IS_TEMP_USER;
import static org.mwconform.conditions.TemporaryAccountConditions.SITEINFO;
import static org.mwconform.conditions.TemporaryAccountConditions.TEMP_ACCOUNT_EXISTS;
import static org.mwconform.conditions.TemporaryAccountConditions.TEMP_THROTTLE;
import static org.mwconform.conditions.TemporaryAccountConditions.TEMP_USER_CREATED;
import static org.mwconform.conditions.Verifier.observed;

/**
 * Temporary accounts (MediaWiki 1.43, $wgAutoCreateTempUser): an anonymous edit creates a temporary user, whose
 * session can then create a named account; names in the wiki's patterns are reserved. Every pattern is read from the
 * wiki's siteinfo (the facts the run read before any scenario), never assumed. Reusable by extensions that react to
 * temporary users: "Given a temporary user", "When the temporary user creates an account ...".
 */
public class TemporaryAccountSteps {
    private final ScenarioWorld world;
    /** The temporary user this scenario's session became, as meta=userinfo named it. */
    private String temporaryUser;
    private EditOutcome edit;
    private MediaWikiApi editingSession;
    private CanCreate canCreate;

    public TemporaryAccountSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** What siteinfo said of temporary accounts before the scenario started (its applicability evidence). */
    private TemporaryAccounts siteInfo() {
        return world.applicabilityApi().temporaryAccounts();
    }

    @Then("siteinfo says that temporary accounts are enabled and names the patterns of their names")
    public void siteInfoDescribes() {
        TemporaryAccounts temp = world.api().temporaryAccounts();
        world.verifier().check(SITEINFO, observed("autocreatetempuser", temp.evidence()), () -> {
            assertThat(temp.answered()).as("siteinfo answers autocreatetempuser").isTrue();
            assertThat(temp.enabled()).as("autocreatetempuser.enabled").isTrue();
            assertThat(temp.matchPatterns()).as("autocreatetempuser.matchPatterns").isNotEmpty();
            assertThat(temp.usablePatterns()).as("match patterns of the form PREFIX$1SUFFIX").isEqualTo(temp.matchPatterns());
        });
    }

    /** A page of this scenario's own: a marked, fresh title, so no edit of this harness touches anyone's page. */
    private String freshPage() {
        return world.accounts().next().username() + " (temporary account probe)";
    }

    private EditOutcome editAnonymously(MediaWikiApi session) {
        return session.edit(freshPage(), "mwconform: an anonymous edit, to see whether it creates a temporary user.",
                "mwconform temporary account probe");
    }

    @When("I edit a page without being logged in")
    public void editAnonymously() {
        editingSession = world.api();
        edit = editAnonymously(editingSession);
    }

    @Given("a temporary user")
    public void aTemporaryUser() {
        editAnonymously();
        editCreatedTemporaryUser();
        sessionIsTemporaryUser();
    }

    @Then("the edit answers that a temporary user was created")
    public void editCreatedTemporaryUser() {
        world.verifier().check(TEMP_USER_CREATED, observed("edit.result", edit.result(), "edit.tempusercreated",
                String.valueOf(edit.tempUserCreated()), "error.code", edit.error() == null ? null : edit.error().code()), () -> {
            assertThat(edit.error()).as("a top-level error").isNull();
            assertThat(edit.result()).as("edit.result").isEqualTo("Success");
            assertThat(edit.tempUserCreated()).as("edit.tempusercreated").isTrue();
        });
    }

    @Then("the session is logged in as a temporary user whose name is in one of the wiki's patterns")
    public void sessionIsTemporaryUser() {
        CurrentUser me = editingSession.currentUser();
        TemporaryAccounts temp = siteInfo();
        world.verifier().check(SESSION_IS_TEMP_USER, observed("userinfo.name", me.name(), "userinfo.temp", String.valueOf(me.temporary()),
                "matchPatterns", String.valueOf(temp.matchPatterns())), () -> {
            assertThat(me.anonymous()).as("userinfo.anon").isFalse();
            assertThat(me.temporary()).as("userinfo.temp").isTrue();
            assertThat(me.id()).as("userinfo.id").isPositive();
            assertThat(temp.matches(me.name())).as("%s is in one of %s", me.name(), temp.matchPatterns()).isTrue();
        });
        temporaryUser = me.name();
    }

    @Then("list=users shows the temporary account")
    public void temporaryAccountExists() {
        WikiUser user = Eventually.read(world.visibility(), record -> world.api().user(temporaryUser, record), WikiUser::exists);
        world.verifier().check(TEMP_ACCOUNT_EXISTS, () -> assertThat(user.exists()).as("list=users shows %s", temporaryUser).isTrue());
    }

    @When("I ask list=users whether an account can be created with a username in the wiki's temporary account pattern")
    public void askCanCreate() {
        String name = siteInfo().nameWith(world.accounts().next().username())
                .orElseThrow(() -> world.notApplicable("siteinfo names no pattern of temporary account names: " + siteInfo().evidence()));
        canCreate = world.api().canCreate(name);
    }

    @Then("it answers that no account can be created with that name, with the code {string}")
    public void cannotCreate(String code) {
        world.verifier().check(CANCREATE_REFUSED, observed("name", canCreate.name(), "cancreate", String.valueOf(canCreate.cancreate()),
                "cancreateerror.code", String.join(",", canCreate.errorCodes())), () -> {
            assertThat(canCreate.missing()).as("list=users marks %s missing (no such account)", canCreate.name()).isTrue();
            assertThat(canCreate.cancreate()).as("cancreate").isFalse();
            assertThat(canCreate.errorCodes()).as("cancreateerror codes").containsExactly(code);
        });
    }

    @When("I create an account whose username is in the wiki's temporary account pattern")
    public void createInPattern() {
        String name = siteInfo().nameWith(world.accounts().next().username())
                .orElseThrow(() -> world.notApplicable("siteinfo names no pattern of temporary account names: " + siteInfo().evidence()));
        world.prepareCreation(new NewAccount(name, world.accounts().newPassword()));
        world.submitAnswered(world.request());
    }

    @When("the temporary user creates an account with a fresh username and a strong password")
    public void temporaryUserCreates() {
        world.prepareCreation(world.accounts().next());
        world.submitAnswered(world.request());
    }

    @Then("the session is anonymous afterwards")
    public void sessionAnonymous() {
        CurrentUser me = world.api().currentUser();
        world.verifier().check(SESSION_ANONYMOUS, observed("userinfo.name", me.name(), "userinfo.anon", String.valueOf(me.anonymous()),
                "userinfo.temp", String.valueOf(me.temporary())), () -> {
            assertThat(me.anonymous()).as("userinfo.anon (the session is %s)", me.name()).isTrue();
            assertThat(me.temporary()).as("userinfo.temp").isFalse();
        });
    }

    @Then("authmanagerinfo names the temporary user as the account of the password request")
    public void authManagerInfoNamesTemporaryUser() {
        AuthRequest password = world.authManagerInfo().requests().stream()
                .filter(r -> "primary-required".equals(r.required()) && r.fields().containsKey("password")).findFirst().orElse(null);
        world.verifier().check(AMI_TEMP_ACCOUNT, observed("account", password == null ? null : password.account(),
                "temporary user", temporaryUser), () -> {
            assertThat(password).as("a primary-required request with a password field").isNotNull();
            assertThat(password.account()).as("its account").isEqualTo(temporaryUser);
        });
    }

    @Given("temporary users have been created from my address as many times as the temporary-account throttle allows")
    public void useUpThrottle() {
        DeclaredTempAccountThrottle throttle = DeclaredTempAccountThrottle.of(world.deployment()).orElseThrow();
        for (int i = 0; i < throttle.count(); i++) {
            editingSession = world.newSessionFromThisAddress();
            edit = editAnonymously(editingSession);
            editCreatedTemporaryUser();
        }
    }

    @When("I edit a page without being logged in, in a new session from the same address")
    public void editInNewSession() {
        editingSession = world.newSessionFromThisAddress();
        edit = editAnonymously(editingSession);
    }

    @Then("the edit is refused with error code {string}, and the session is still anonymous")
    public void refusedByThrottle(String code) {
        CurrentUser me = editingSession.currentUser();
        world.verifier().check(TEMP_THROTTLE, observed("error.code", edit.error() == null ? null : edit.error().code(),
                "edit.tempusercreated", String.valueOf(edit.tempUserCreated()), "userinfo.name", me.name()), () -> {
            assertThat(edit.error()).as("a top-level error (the wiki answered edit.result %s)", edit.result()).isNotNull();
            assertThat(edit.error().code()).as("error.code").isEqualTo(code);
            assertThat(edit.tempUserCreated()).as("edit.tempusercreated").isFalse();
            assertThat(me.anonymous()).as("userinfo.anon (the session is %s)", me.name()).isTrue();
        });
    }
}
