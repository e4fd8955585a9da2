package org.mwconform.features;

import org.junit.jupiter.api.Test;
import org.mwconform.applicability.Requirements;
import org.mwconform.applicability.SideEffect;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The features themselves, read as the harness reads them. */
class ScenarioCatalogueTest {
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();
    private static final ScenarioCatalogue FEATURES = ScenarioCatalogue.load(HOME.resolve("features"));
    private static final Requirements REQUIREMENTS = Requirements.load(ScenarioCatalogueTest.class.getClassLoader());

    /** Defect: the invaliduser scenarios could create an account and still pass. */
    @Test
    void everyScenarioThatMayCreateAnAccountChecksThatNoneAppeared() {
        assertThat(FEATURES.all()).filteredOn(s -> s.tagged(SideEffect.MAY_CREATE_ACCOUNT))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.steps()).as("steps of %s", s.id()).contains("no account was created"));
    }

    @Test
    void everyScenarioHasOneUniqueIdAndKnownRequirements() {
        List<String> ids = FEATURES.all().stream().map(ScenarioCatalogue.Scenario::id).toList();
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(FEATURES.all()).allSatisfy(s -> assertThat(s.tags()).filteredOn(t -> t.startsWith("@needs:"))
                .allSatisfy(t -> assertThat(REQUIREMENTS.forTag(t)).as("%s of %s", t, s.id()).isPresent()));
    }

    @Test
    void aTagExpressionSelectsLikeCucumber() {
        assertThat(FEATURES.selected("@id:notoken")).extracting(ScenarioCatalogue.Scenario::id).containsExactly("notoken");
        assertThat(FEATURES.selected("@needs:throttle and not @beyond-docs")).extracting(ScenarioCatalogue.Scenario::id)
                .containsExactlyInAnyOrder("throttle-hit", "throttle-message");
        assertThat(FEATURES.selected(null)).hasSameSizeAs(FEATURES.all());
    }
}
