package org.mwconform.catalogue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepCatalogueTest {
    private static final Path PAGE = Path.of("features/STEPS.md");

    private static List<StepCatalogue.Step> coreSteps() {
        return StepCatalogue.read(List.of("org.mwconform.steps"), StepCatalogueTest.class.getClassLoader());
    }

    @Test
    void aStepListsTheConditionsItsCodeChecks() {
        StepCatalogue.Step step = coreSteps().stream().filter(s -> s.text().equals("I receive a createaccount token")).findFirst().orElseThrow();
        assertThat(step.keyword()).isEqualTo("Then");
        assertThat(step.conditions()).extracting(c -> c.id()).containsExactly("tokens.createaccount-issued");
    }

    @Test
    void hooksAreNotSteps() {
        assertThat(coreSteps()).noneMatch(s -> s.definedIn().startsWith("Hooks."));
    }

    @Test
    void theCatalogueKnowsWhichStepsNeedTheFormFetchedFirst() {
        List<StepCatalogue.Step> steps = coreSteps();
        StepCatalogue.Step create = steps.stream().filter(s -> s.text().equals("I create an account with a fresh username and a strong password")).findFirst().orElseThrow();
        StepCatalogue.Step prepare = steps.stream().filter(s -> s.text().equals("I have fetched the fields and a createaccount token")).findFirst().orElseThrow();
        assertThat(create.needs()).containsExactly(StepCatalogue.Precondition.FORM);
        assertThat(prepare.gives()).containsExactly(StepCatalogue.Precondition.FORM);
        assertThat(prepare.needs()).isEmpty();
    }

    /** The core's own features use every step after what it needs: the check has no false alarm there. */
    @Test
    void everyCoreScenarioHasItsPreconditionsInOrder() {
        assertThat(new StepOrder(coreSteps()).problems(org.mwconform.features.ScenarioCatalogue.load(Path.of("features")))).isEmpty();
    }

    /** A scenario that creates an account without the Given before it: one line naming the step that must come first. */
    @Test
    void aMissingGivenIsOneLineNamingTheStepThatMustComeFirst(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path feature = dir.resolve("no-given.feature");
        Files.writeString(feature, """
                Feature: forgot the Given
                  Scenario: creates without the form
                    When I create an account with a fresh username and a strong password
                    Then account creation passes for that username
                """);
        List<String> problems = new StepOrder(coreSteps()).problems(org.mwconform.features.ScenarioCatalogue.load(dir));
        assertThat(problems).containsExactly(feature + ": scenario \"creates without the form\": the step \"When I create an account"
                + " with a fresh username and a strong password\" needs the fields and a createaccount token first: put"
                + " \"Given I have fetched the fields and a createaccount token\" before it (or in the feature's Background)");
    }

    /** The committed page is generated; regenerate with -Dmwconform.catalogue.write=true when steps change. */
    @Test
    void theCommittedCatalogueMatchesTheCode() throws Exception {
        String generated = StepCatalogue.markdown(coreSteps(), "Step catalogue: the core contract");
        if (Boolean.getBoolean("mwconform.catalogue.write")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "")
                .as("features/STEPS.md is out of date: regenerate it with "
                        + "./mvnw -q -Dtest=StepCatalogueTest -Dmwconform.catalogue.write=true test")
                .isEqualTo(generated);
    }
}
