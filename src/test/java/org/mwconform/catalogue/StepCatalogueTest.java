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
