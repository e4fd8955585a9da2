package org.mwconform.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.mwconform.accounts.FormFiller;
import org.mwconform.accounts.NewAccount;
import org.mwconform.client.AuthManagerInfo;
import org.mwconform.client.AuthRequest;
import org.mwconform.client.CreateAccountResult;
import org.mwconform.client.Delivery;
import org.mwconform.client.interactive.BrowserRedirects;
import org.mwconform.client.interactive.InteractiveProcedure;
import org.mwconform.client.interactive.ThirdPartyProviders;
import org.mwconform.world.ScenarioWorld;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.FAIL_SHAPE;
import static org.mwconform.conditions.InteractiveConditions.PRESERVED_STATE;
import static org.mwconform.conditions.InteractiveConditions.REDIRECT_RETURNED;
import static org.mwconform.conditions.InteractiveConditions.RESTART_SHAPE;
import static org.mwconform.conditions.InteractiveConditions.STATE_MEMBERS;

/**
 * RESTART and createpreservestate: a login through a third-party provider whose account is linked to no
 * local account answers RESTART; authmanagerinfo then announces the preserved state, and createaccount with
 * createpreservestate continues from it. Also createrequests, and authmanagerinfo's state members.
 */
public class PreservedStateSteps {
    private final ScenarioWorld world;

    public PreservedStateSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("I log in through the third-party authentication and return from it")
    public void loginThroughThirdParty() {
        AuthManagerInfo login = world.api().authManagerInfo("login");
        AuthRequest provider = ThirdPartyProviders.first(login.requests())
                .orElseThrow(() -> new AssertionError("authmanagerinfo for login announces no third-party provider"));
        Map<String, String> begin = new LinkedHashMap<>();
        provider.fields().keySet().forEach(button -> begin.put(button, "1"));
        begin.put("loginreturnurl", world.returnUrl());
        world.api().loginToken().ifPresent(t -> begin.put("logintoken", t));
        world.recordOutcome(world.api().clientLoginStep(begin));
        CreateAccountResult redirect = StatusChecks.status(world, CreateAccountResult.REDIRECT);
        InteractiveProcedure.Redirected[] back = new InteractiveProcedure.Redirected[1];
        world.verifier().check(REDIRECT_RETURNED, () -> {
            try {
                back[0] = world.interactive().afterRedirect(redirect, world.returnUrl());
            } catch (BrowserRedirects.RedirectFailed e) {
                throw new AssertionError(e.getMessage());
            }
            assertThat(back[0].continuation().unanswerable()).as("fields the return URL did not bring").isEmpty();
        });
        Map<String, String> next = new LinkedHashMap<>(back[0].continuation().fields());
        next.put("logincontinue", "1");
        world.api().loginToken().ifPresent(t -> next.put("logintoken", t));
        world.recordOutcome(world.api().clientLoginStep(next));
    }

    @Then("the login answers RESTART with a message, as the third-party account is linked to no local account")
    public void restart() {
        CreateAccountResult result = StatusChecks.status(world, CreateAccountResult.RESTART);
        world.verifier().check(RESTART_SHAPE, () -> {
            assertThat(result.keys()).as("members of clientlogin").contains("status", "message", "messagecode", "canpreservestate");
            assertThat(result.message()).as("clientlogin.message").isNotBlank();
            assertThat(result.canPreserveState()).as("canpreservestate").isTrue();
        });
    }

    @Then("authmanagerinfo for account creation announces hasprimarypreservedstate and a preservedusername")
    public void preserved() {
        world.fetchFieldsAndToken();
        AuthManagerInfo info = world.authManagerInfo();
        world.verifier().check(PRESERVED_STATE, () -> {
            assertThat(info.hasPrimaryPreservedState()).as("hasprimarypreservedstate").isTrue();
            assertThat(info.preservedUsername()).as("preservedusername").isNotBlank();
        });
    }

    /**
     * "requests marked as primary-required should be omitted. If it returned a non-empty value for
     * preservedusername, that username must be used for the username parameter."
     */
    @When("I create the account with createpreservestate, omitting the primary-required requests and using the preserved username")
    public void createWithPreservedState() {
        AuthManagerInfo info = world.authManagerInfo();
        AuthManagerInfo withoutPrimary = new AuthManagerInfo(info.canCreateAccounts(),
                info.requests().stream().filter(r -> !"primary-required".equals(r.required())).toList());
        NewAccount account = new NewAccount(info.preservedUsername(), world.accounts().newPassword());
        world.expectAccount(account);
        FormFiller.Filled filled = world.fill(withoutPrimary, account, world.token());
        ScenarioWorld.requireAnswerable(filled);
        world.submit(filled.request().with("createpreservestate", "1"), Delivery.POST_BODY);
    }

    @When("I create an account with createrequests naming every announced request except the ones asking for a password")
    public void createWithoutPasswordRequests() {
        List<String> ids = world.authManagerInfo().requests().stream()
                .filter(r -> r.fields().values().stream().noneMatch(f -> "password".equals(f.type())))
                .map(AuthRequest::id).toList();
        world.submitAnswered(world.request().with("createrequests", String.join("|", ids)));
    }

    @Then("account creation fails with a message")
    public void failsWithMessage() {
        CreateAccountResult result = StatusChecks.status(world, CreateAccountResult.FAIL);
        world.verifier().check(FAIL_SHAPE, () -> {
            assertThat(result.keys()).as("members of createaccount").contains("status", "message", "messagecode");
            assertThat(result.message()).as("createaccount.message").isNotBlank();
        });
    }

    /**
     * Codes any FAIL of core MediaWiki or its anti-abuse extensions may carry, whatever the provider did: a security
     * scenario that ends in one of these proves nothing about the provider (a CAPTCHA or a throttle refused it first).
     */
    static final java.util.regex.Pattern GENERIC_FAILURE = java.util.regex.Pattern.compile("captcha.*|fancycaptcha.*|questycaptcha.*"
            + "|.*throttle.*|blocked.*|autoblocked.*|systemblocked.*|cantcreateaccount.*|permissiondenied|badaccess.*|authmanager-.*"
            + "|invaliduser|noname|userexists|badretype|sessionfailure|readonly.*|abusefilter-.*|titleblacklist-.*|antispoof-.*"
            + "|password.*|internalerror.*|badtoken|notoken|ratelimited|actionthrottledtext");
    /** The environment file's list of the provider's own failure codes ({@code capabilities.thirdPartyFailureCodes}), if any. */
    static final String FAILURE_CODES = "thirdPartyFailureCodes";

    @Then("account creation fails with the third-party provider's own message")
    public void failsWithProvidersMessage() {
        failsWithMessage();
        String code = world.outcome().result().messagecode();
        Object declared = world.deployment().capabilities().get(FAILURE_CODES);
        List<String> listed = declared instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        world.verifier().check(org.mwconform.conditions.InteractiveConditions.PROVIDER_FAILURE,
                org.mwconform.conditions.Verifier.observed("createaccount.messagecode", code), () -> {
                    assertThat(code).as("messagecode of the FAIL").isNotBlank();
                    assertThat(GENERIC_FAILURE.matcher(code).matches())
                            .as("messagecode %s is a generic core code, not the provider's own", code).isFalse();
                    if (!listed.isEmpty()) {
                        assertThat(listed).as("capabilities.%s of the environment file", FAILURE_CODES).contains(code);
                    }
                });
    }

    @When("I fetch the fields for account creation")
    public void fetchFields() {
        world.fetchFieldsAndToken();
    }

    @Then("authmanagerinfo announces canauthenticatenow and, with nothing preserved, an empty preservedusername")
    public void stateMembers() {
        AuthManagerInfo info = world.authManagerInfo();
        world.verifier().check(STATE_MEMBERS, () -> {
            assertThat(info.announced()).as("members of authmanagerinfo").contains("canauthenticatenow", "preservedusername");
            assertThat(info.canAuthenticateNow()).as("canauthenticatenow").isTrue();
            assertThat(info.hasPrimaryPreservedState()).as("hasprimarypreservedstate").isFalse();
            assertThat(info.preservedUsername()).as("preservedusername").isEmpty();
        });
    }

    static String ids(List<AuthRequest> requests) {
        return requests.stream().map(AuthRequest::id).collect(Collectors.joining("|"));
    }
}
