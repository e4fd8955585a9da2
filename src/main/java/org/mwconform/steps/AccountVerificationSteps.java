package org.mwconform.steps;

import io.cucumber.java.en.Then;
import org.mwconform.accounts.Usernames;
import org.mwconform.client.LogEvent;
import org.mwconform.client.WikiUser;
import org.mwconform.world.ScenarioWorld;

import java.time.Instant;
import java.util.ArrayList;
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
        noAccountNamed(world.account().username());
    }

    /**
     * Nothing was created under {@code typed}, nor under any name a wiki would store it as ({@link Usernames#storedAs}:
     * "X#x" is the title "X"). list=users calls a name with "#" or an IP address "invalid" whatever the wiki holds,
     * so an IP is looked up in the newusers log instead, since the scenario's first createaccount request.
     */
    public void noAccountNamed(String typed) {
        List<String> seen = new ArrayList<>();
        List<String> created = new ArrayList<>();
        WikiUser existing = world.existingAccount();
        for (String name : Usernames.storedAs(typed)) {
            if (existing != null && existing.name().equals(name)) {
                // The probe's guard named an existing account: it must be the one list=users showed before.
                WikiUser now = world.api().user(name, true);
                seen.add(name + ": the existing account, " + (now.equals(existing) ? "unchanged" : "now " + now + ", before " + existing));
                if (!now.equals(existing)) {
                    created.add(name + " (created again over the existing account)");
                }
                continue;
            }
            WikiUser user = afterWaitingOut(name);
            seen.add(name + ": " + (user.missing() ? "missing" : user.invalid() ? "invalid" : "exists (userid " + user.userid() + ")"));
            if (!user.missing() && !user.invalid()) {
                created.add(name);
            } else if (user.invalid() && Usernames.isIp(name)) {
                Instant since = world.firstCreateRequest() == null ? Instant.EPOCH : world.firstCreateRequest().minus(LOG_CLOCK_SKEW);
                List<LogEvent> events = Eventually.absent(world.visibility(), record -> world.api().newUsersLog(name, record),
                        l -> l.stream().anyMatch(e -> after(e, since)));
                List<LogEvent> recent = events.stream().filter(e -> after(e, since)).toList();
                seen.add("newusers log for User:" + name + " since " + since + ": " + recent.size() + " entr" + (recent.size() == 1 ? "y" : "ies"));
                if (!recent.isEmpty()) {
                    created.add(name + " (newusers/" + recent.get(0).action() + " at " + recent.get(0).timestamp() + ")");
                }
            }
        }
        world.verifier().check(NO_ACCOUNT, () -> assertThat(created)
                .as("accounts for %s (list=users and, for an IP, the newusers log: %s)", typed, String.join("; ", seen)).isEmpty());
    }

    /** How far the wiki's clock may lag behind this machine's when the newusers log is read "since the request". */
    private static final java.time.Duration LOG_CLOCK_SKEW = java.time.Duration.ofMinutes(2);

    private static boolean after(LogEvent e, Instant since) {
        try {
            return e.timestamp() == null || !Instant.parse(e.timestamp()).isBefore(since);
        } catch (java.time.format.DateTimeParseException unreadable) {
            return true;  // an entry whose time cannot be read counts: the check must be able to fail
        }
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
