package org.mwconform.steps;

import io.cucumber.java.en.Then;
import org.mwconform.client.ApiError;
import org.mwconform.client.CreateAccountOutcome;
import org.mwconform.client.CreateAccountResult;
import org.mwconform.world.ScenarioWorld;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.conditions.Conditions.API_ERROR_CODE;
import static org.mwconform.conditions.Conditions.API_ERROR_INFO;
import static org.mwconform.conditions.Conditions.API_ERROR_SHAPE;
import static org.mwconform.conditions.Conditions.FAIL_SHAPE;
import static org.mwconform.conditions.Conditions.MESSAGECODE;
import static org.mwconform.conditions.Conditions.PASS_SHAPE;
import static org.mwconform.conditions.Conditions.STATUS;
import static org.mwconform.conditions.Verifier.observed;

/**
 * What the createaccount response says: PASS, FAIL with a messagecode, or a rejected request. Each check
 * records the answer it saw ({@link #answer}), so a known deviation can pin exactly that answer.
 */
public class OutcomeSteps {
    private final ScenarioWorld world;

    public OutcomeSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("account creation passes for that username")
    @Then("account creation passes for the normalised username")
    public void passes() {
        CreateAccountResult result = result(CreateAccountResult.PASS);
        world.verifier().check(PASS_SHAPE, observed("createaccount.username", result.username()), () -> {
            assertThat(result.keys()).as("members of createaccount").contains("status", "username");
            assertThat(result.username()).as("createaccount.username").isEqualTo(world.account().username());
        });
    }

    @Then("account creation fails with messagecode {string}")
    public void failsWith(String messagecode) {
        CreateAccountResult result = result(CreateAccountResult.FAIL);
        world.verifier().check(MESSAGECODE, answer(world.outcome()),
                () -> assertThat(result.messagecode()).as("createaccount.messagecode").isEqualTo(messagecode));
        world.verifier().check(FAIL_SHAPE, () -> {
            assertThat(result.keys()).as("members of createaccount").contains("status", "message", "messagecode");
            assertThat(result.message()).as("createaccount.message").isNotBlank();
        });
    }

    @Then("the request is rejected with error code {string}")
    public void rejectedWith(String code) {
        CreateAccountOutcome outcome = world.outcome();
        world.verifier().check(API_ERROR_CODE, answer(outcome), () -> assertThat(outcome.error())
                .as("the top-level error (the wiki answered %s)", describe(outcome)).isNotNull()
                .extracting(ApiError::code).as("error.code").isEqualTo(code));
        world.verifier().check(API_ERROR_SHAPE, () -> {
            assertThat(outcome.error().info()).as("error.info").isNotBlank();
            assertThat(outcome.result()).as("a createaccount object beside the error").isNull();
        });
    }

    /** For createmessageformat=raw and none, where the message is an object or absent by design. */
    @Then("account creation fails with messagecode {string}, whatever the form of its message")
    public void failsWithAnyMessage(String messagecode) {
        CreateAccountResult result = result(CreateAccountResult.FAIL);
        world.verifier().check(MESSAGECODE, answer(world.outcome()),
                () -> assertThat(result.messagecode()).as("createaccount.messagecode").isEqualTo(messagecode));
    }

    @Then("the error information reads {string}")
    public void errorInfo(String info) {
        ApiError error = world.outcome().error();
        Map<String, String> seen = new LinkedHashMap<>(answer(world.outcome()));
        seen.put("error.info", error == null ? "(none)" : String.valueOf(error.info()));
        world.verifier().check(API_ERROR_INFO, seen, () -> assertThat(error).as("the top-level error").isNotNull()
                .extracting(ApiError::info).as("error.info").isEqualTo(info));
    }

    private CreateAccountResult result(String expectedStatus) {
        CreateAccountOutcome outcome = world.outcome();
        world.verifier().check(STATUS, answer(outcome), () -> assertThat(outcome.result())
                .as("the createaccount object (the wiki answered %s)", describe(outcome)).isNotNull()
                .extracting(CreateAccountResult::status).as("createaccount.status").isEqualTo(expectedStatus));
        return outcome.result();
    }

    /**
     * The answer as a known deviation pins it: {@code error.code}, or {@code createaccount.status} (and the
     * messagecode of a FAIL), or that there was neither.
     */
    static Map<String, String> answer(CreateAccountOutcome outcome) {
        if (outcome == null) {
            return observed("answer", "no request was sent");
        }
        if (outcome.error() != null) {
            return observed("error.code", outcome.error().code());
        }
        CreateAccountResult r = outcome.result();
        if (r == null) {
            return observed("answer", "neither createaccount nor error");
        }
        return CreateAccountResult.FAIL.equals(r.status())
                ? observed("createaccount.status", r.status(), "createaccount.messagecode", r.messagecode())
                : observed("createaccount.status", r.status());
    }

    private static String describe(CreateAccountOutcome outcome) {
        if (outcome.error() != null) {
            return "error " + outcome.error().code();
        }
        CreateAccountResult r = outcome.result();
        return r == null ? "neither createaccount nor error" : "status " + r.status()
                + (r.messagecode() == null ? "" : " / " + r.messagecode());
    }
}
