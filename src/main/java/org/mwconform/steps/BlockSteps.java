package org.mwconform.steps;

import io.cucumber.java.en.Given;
import org.mwconform.client.LoginResult;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.deployments.Credentials;
import org.mwconform.world.ScenarioWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.ADDRESS_BLOCKED;
import static org.mwconform.conditions.Conditions.BLOCKER_LOGGED_IN;
import static org.mwconform.conditions.Verifier.observed;

/**
 * A client whose address is blocked from creating accounts. The block is placed by the {@code blocker} of the
 * environment file, from a session and address of its own, on the scenario's own loopback address only
 * ({@code @needs:blocker} makes sure there is one), for an hour.
 */
public class BlockSteps {
    private static final String EXPIRY = "1 hour";
    private final ScenarioWorld world;

    public BlockSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("my address is blocked from creating accounts")
    public void blockMyAddress() {
        Credentials.Lookup lookup = Credentials.lookup(world.deployment(), Credentials.BLOCKER);
        Credentials blocker = lookup.credentials().orElseThrow(() -> world.notApplicable(lookup.evidence()));
        String address = world.clientAddress().getHostAddress();
        MediaWikiApi admin = world.newSessionFromAnotherAddress();
        LoginResult login = admin.clientLogin(blocker.username(), blocker.password(), world.returnUrl());
        world.verifier().check(BLOCKER_LOGGED_IN, () -> assertThat(login.passed())
                .as("clientlogin as %s (the wiki answered %s)", blocker.username(), login.describe()).isTrue());
        MediaWikiApi.BlockResult block = admin.blockAccountCreation(address, EXPIRY, "mwconform: a blocked address (scenario blocked-address)");
        world.verifier().check(ADDRESS_BLOCKED, observed("block.user", block.user(), "error.code",
                block.error() == null ? null : block.error().code()), () -> {
            assertThat(block.error()).as("the error of action=block").isNull();
            assertThat(block.user()).as("block.user").isEqualTo(address);
            assertThat(block.noCreate()).as("block.nocreate").isTrue();
        });
    }
}
