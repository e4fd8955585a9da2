package org.mwconform.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.mwconform.client.AuthField;
import org.mwconform.client.AuthRequest;
import org.mwconform.world.ScenarioWorld;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.AMI_CAN_CREATE;
import static org.mwconform.conditions.Conditions.AMI_FIELDS;
import static org.mwconform.conditions.Conditions.AMI_PASSWORD_FIELDS;
import static org.mwconform.conditions.Conditions.AMI_REQUEST_SHAPE;

public class AuthManagerInfoSteps {
    private static final String[] REQUEST_MEMBERS = {"id", "required", "provider", "account", "fields"};
    private static final List<String> REQUIRED_LEVELS = List.of("required", "primary-required", "optional");
    private final ScenarioWorld world;

    public AuthManagerInfoSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("I ask authmanagerinfo which fields account creation uses")
    public void askAuthManagerInfo() {
        world.authManagerInfo(world.api().authManagerInfo());
    }

    @Then("it says that accounts can be created")
    public void canCreate() {
        world.verifier().check(AMI_CAN_CREATE, () -> assertThat(world.authManagerInfo().canCreateAccounts())
                .as("authmanagerinfo.cancreateaccounts").isTrue());
    }

    @Then("each request has an id, a required level, a provider, an account and its fields")
    public void requestShape() {
        world.verifier().check(AMI_REQUEST_SHAPE, () -> {
            assertThat(world.authManagerInfo().requests()).as("authmanagerinfo.requests").isNotEmpty();
            EveryCheck every = new EveryCheck();
            for (AuthRequest r : world.authManagerInfo().requests()) {
                every.check(() -> assertThat(r.keys()).as("members of request " + r.id()).contains(REQUEST_MEMBERS))
                        .check(() -> assertThat(r.id()).as("request id").isNotBlank())
                        .check(() -> assertThat(r.required()).as("required of " + r.id()).isIn(REQUIRED_LEVELS))
                        .check(() -> assertThat(r.provider()).as("provider of " + r.id()).isNotNull())
                        .check(() -> assertThat(r.account()).as("account of " + r.id()).isNotNull());
                for (AuthField f : r.fields().values()) {
                    every.check(() -> assertThat(f.type()).as("type of field " + f.name()).isNotBlank())
                            .check(() -> assertThat(f.label()).as("label of field " + f.name()).isNotNull());
                }
            }
            every.assertAll();
        });
    }

    @Then("the announced fields include")
    public void fieldsInclude(List<String> names) {
        world.verifier().check(AMI_FIELDS, () -> assertThat(world.authManagerInfo().fields())
                .extracting(AuthField::name).as("announced fields").containsAll(names));
    }

    /** Example 1's "password and retyped password" are typed by the user: a hidden one would carry the wiki's value instead. */
    @Then("the password and its retype are password fields")
    public void passwordFields() {
        world.verifier().check(AMI_PASSWORD_FIELDS, () -> {
            EveryCheck every = new EveryCheck();
            for (String name : List.of("password", "retype")) {
                every.check(() -> assertThat(world.authManagerInfo().fields()).filteredOn(f -> f.name().equals(name))
                        .as("fields named " + name).isNotEmpty()
                        .allSatisfy(f -> assertThat(f.type()).as("type of field " + name).isEqualTo("password")));
            }
            every.assertAll();
        });
    }
}
