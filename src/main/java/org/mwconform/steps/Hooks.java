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

/** Decides applicability before each scenario and attaches its evidence after it. */
public class Hooks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScenarioWorld world;

    public Hooks(ScenarioWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void decideApplicability(Scenario scenario) {
        world.safeProbe(scenario.getSourceTagNames().contains(SideEffect.SAFE_PROBE));
        try {
            world.applicabilityEvidence().addAll(
                    new ApplicabilityCheck(world.captchas(), Requirements.load(Thread.currentThread().getContextClassLoader())).require(scenario.getSourceTagNames(), world.deployment(), world.api(),
                            world.clientAddress() != null));
        } catch (NotApplicable e) {
            world.applicabilityEvidence().add("not applicable: " + e.getMessage());
            throw e;
        }
    }

    @After
    public void attachEvidence(Scenario scenario) throws Exception {
        Evidence evidence = new Evidence(world.deployment().name(), world.applicabilityEvidence(),
                world.verifier().log(), world.exchanges());
        scenario.attach(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(evidence).getBytes(StandardCharsets.UTF_8),
                "application/json", Evidence.ATTACHMENT_NAME);
    }
}
