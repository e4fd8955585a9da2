package org.mwconform.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.mwconform.applicability.ApplicabilityCheck;
import org.mwconform.applicability.NotApplicable;
import org.mwconform.applicability.Requirements;
import org.mwconform.applicability.SideEffect;
import org.mwconform.report.Evidence;
import org.mwconform.world.ScenarioWorld;

import java.nio.charset.StandardCharsets;

import static org.mwconform.conditions.Conditions.NO_ACCOUNT;

/**
 * Decides applicability before each scenario; after it, checks the side-effect guard a failed step may
 * have skipped, and attaches the evidence.
 */
public class Hooks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScenarioWorld world;

    public Hooks(ScenarioWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void decideApplicability(Scenario scenario) {
        world.safeProbe(scenario.getSourceTagNames().contains(SideEffect.SAFE_PROBE));
        if (!world.facts().isEmpty()) {
            world.applicabilityEvidence().add(world.facts().describe());
        }
        try {
            world.applicabilityEvidence().addAll(
                    new ApplicabilityCheck(world.captchas(), Requirements.load(Thread.currentThread().getContextClassLoader()))
                            .require(scenario.getSourceTagNames(), world.deployment(), world.applicabilityApi(), world.clientAddress() != null));
        } catch (NotApplicable e) {
            world.applicabilityEvidence().add("not applicable: " + e.getMessage());
            throw e;
        }
        // Before the scenario's own first request: how long its reads of list=users may lag behind the answers.
        world.applicabilityEvidence().add("reads after an answer: " + world.visibility().evidence());
        world.applicabilityDecided();
    }

    /**
     * "No account was created" must not hide behind an earlier failure: every fresh username the scenario's
     * createaccount requests named, whose latest answer was not a PASS (nor a conversation still open: UI,
     * REDIRECT), is looked for, whatever the scenario's tags say and wherever it stopped. An account created by a
     * rejected request is a failure whatever else is reviewed. Runs before {@link #attachEvidence} (After hooks of
     * higher order run first).
     */
    @After(order = 20_000)
    public void sideEffectGuard(Scenario scenario) {
        if (world.outcome() == null) {
            return;
        }
        AccountVerificationSteps verification = new AccountVerificationSteps(world);
        for (String name : world.freshNamesRejected()) {
            if (world.verifier().checked(NO_ACCOUNT) && world.account() != null && name.equals(world.account().username())) {
                continue;  // the scenario's own step looked for it
            }
            verification.noAccountNamed(name);
        }
    }

    @After
    public void attachEvidence(Scenario scenario) throws Exception {
        // Huge bodies are stored cut, with their length and hash; evidence that cannot be written fails this hook,
        // which makes the scenario an error: a verdict is never kept without what it was based on.
        Evidence evidence = new Evidence(world.deployment().name(), world.applicabilityEvidence(),
                world.verifier().log(), world.exchanges().stream().map(org.mwconform.report.EvidenceBodies::capped).toList(),
                world.stepRequests());
        scenario.attach(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(evidence).getBytes(StandardCharsets.UTF_8),
                "application/json", Evidence.ATTACHMENT_NAME);
    }
}
