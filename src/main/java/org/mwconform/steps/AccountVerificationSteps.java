package org.mwconform.steps;

import io.cucumber.java.en.Then;
import org.mwconform.client.LogEvent;
import org.mwconform.client.WikiUser;
import org.mwconform.world.ScenarioWorld;

import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.ACCOUNT_EXISTS;
import static org.mwconform.conditions.Conditions.NEWUSERS_LOGGED;
import static org.mwconform.conditions.Conditions.NO_ACCOUNT;
import static org.mwconform.conditions.Conditions.NO_ACCOUNT_BEFORE_PASS;

/**
 * A PASS proves nothing until the account is seen through the API. Replication and deferred
 * updates may delay what list=users and list=logevents show, so these wait (bounded) instead of sleeping;
 * "no account was created" waits out the same bound, so an account that appears late is still seen.
 */
public class AccountVerificationSteps {
    private final ScenarioWorld world;

    public AccountVerificationSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("the account exists")
    public void accountExists() {
        String name = world.account().username();
        WikiUser user = Eventually.read(world.visibility(), record -> world.api().user(name, record), WikiUser::exists);
        world.verifier().check(ACCOUNT_EXISTS, () -> {
            assertThat(user.exists()).as("list=users shows %s", name).isTrue();
            assertThat(user.name()).as("list=users name").isEqualTo(name);
        });
    }

    @Then("no account was created")
    public void noAccount() {
        WikiUser existing = world.existingAccount();
        if (existing != null && existing.name().equals(world.account().username())) {
            // The request named an existing account (a guarded probe): nothing new under that name, and the
            // account is the one list=users showed before (same id, same registration).
            WikiUser now = world.api().user(existing.name(), true);
            world.verifier().check(NO_ACCOUNT, () -> assertThat(now).as("list=users for %s, before and after", existing.name())
                    .isEqualTo(existing));
            return;
        }
        String name = world.account().username();
        WikiUser user = afterWaitingOut(name);
        world.verifier().check(NO_ACCOUNT, () -> assertThat(user.missing() || user.invalid())
                .as("list=users marks %s missing or invalid (it shows %s)", name, user).isTrue());
    }

    /** The conversation is still open (UI): the account should not exist yet; what list=users shows is the observation. */
    @Then("no account exists while account creation has not passed")
    public void noAccountYet() {
        String name = world.account().username();
        WikiUser user = afterWaitingOut(name);
        boolean exists = !user.missing() && !user.invalid();
        world.verifier().check(NO_ACCOUNT_BEFORE_PASS, org.mwconform.conditions.Verifier.observed("users.account", exists ? "exists" : "missing"),
                () -> assertThat(exists).as("list=users shows %s before any PASS (it shows %s)", name, user).isFalse());
    }

    /** What list=users shows of {@code name} once the bound for a late account has passed (or as soon as it shows one). */
    private WikiUser afterWaitingOut(String name) {
        // A name MediaWiki cannot hold ("invalid") can have no account either.
        return Eventually.absent(world.visibility(), record -> world.api().user(name, record), u -> !u.missing() && !u.invalid());
    }

    @Then("the newusers log records its creation")
    public void newUsersLogged() {
        String name = world.account().username();
        Predicate<LogEvent> selfCreated = e -> "newusers".equals(e.type()) && "create".equals(e.action());
        List<LogEvent> events = Eventually.read(world.visibility(), record -> world.api().newUsersLog(name, record),
                l -> l.stream().anyMatch(selfCreated));
        world.verifier().check(NEWUSERS_LOGGED, () -> assertThat(events).as("newusers log entries for User:%s", name)
                .filteredOn(selfCreated).singleElement()
                .satisfies(e -> assertThat(e.user()).as("the log entry's performer").isEqualTo(name)));
    }
}
