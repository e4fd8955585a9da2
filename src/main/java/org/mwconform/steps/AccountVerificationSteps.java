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

/**
 * A PASS proves nothing until the account is seen through the API. Replication and deferred
 * updates may delay what list=users and list=logevents show, so these wait (bounded) instead of sleeping.
 */
public class AccountVerificationSteps {
    private final ScenarioWorld world;

    public AccountVerificationSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("the account exists")
    public void accountExists() {
        String name = world.account().username();
        WikiUser user = Eventually.read(() -> world.api().user(name, false), WikiUser::exists);
        world.api().user(name, true);
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
        WikiUser user = world.api().user(name, true);
        world.verifier().check(NO_ACCOUNT, () -> assertThat(user.missing()).as("list=users marks %s missing", name).isTrue());
    }

    @Then("the newusers log records its creation")
    public void newUsersLogged() {
        String name = world.account().username();
        Predicate<LogEvent> selfCreated = e -> "newusers".equals(e.type()) && "create".equals(e.action());
        List<LogEvent> events = Eventually.read(() -> world.api().newUsersLog(name, false), l -> l.stream().anyMatch(selfCreated));
        world.api().newUsersLog(name, true);
        world.verifier().check(NEWUSERS_LOGGED, () -> assertThat(events).as("newusers log entries for User:%s", name)
                .filteredOn(selfCreated).singleElement()
                .satisfies(e -> assertThat(e.user()).as("the log entry's performer").isEqualTo(name)));
    }
}
