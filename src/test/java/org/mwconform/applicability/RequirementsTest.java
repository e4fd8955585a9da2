package org.mwconform.applicability;

import org.junit.jupiter.api.Test;
import org.mwconform.captcha.CaptchaSolvers;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.DeploymentLoader;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequirementsTest {
    private final Requirements requirements = Requirements.load(getClass().getClassLoader());

    @Test
    void theCoreRequirementsAreRegisteredLikeAnyExtensionsAre() {
        assertThat(requirements.names()).contains("anonymous-creation", "anonymous-creation-forbidden", "captcha", "creator",
                "creator-skips-captcha", "module-disabled", "throttle");
    }

    @Test
    void anExtensionRequirementIsFoundThroughServiceLoader() {
        assertThat(requirements.forTag("@needs:wiki-farm")).get().isInstanceOf(WikiFarmRequirement.class);
    }

    @Test
    void anExtensionRequirementTheWikiDoesNotMeetIsNotApplicableWithItsEvidence() {
        Deployment deployment = new DeploymentLoader().adHoc("http://127.0.0.1:9/api.php", false, null);
        assertThatThrownBy(() -> new ApplicabilityCheck(CaptchaSolvers.forDeployment(deployment), requirements)
                .require(List.of("@needs:wiki-farm"), deployment, null, false))
                .isInstanceOf(NotApplicable.class)
                .hasMessageContaining("is not a wiki farm");
    }

    @Test
    void anUnknownRequirementIsADefectOfTheScenarioAndNamesTheKnownOnes() {
        assertThatThrownBy(() -> requirements.require("@needs:teleportation"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown requirement tag @needs:teleportation")
                .hasMessageContaining("anonymous-creation")
                .hasMessageContaining("META-INF/services/org.mwconform.applicability.Requirement");
    }

    /** The missing-classpath mistake: the requirement is built on disk but not given; the one line names the fix. */
    @Test
    void anUnknownRequirementBuiltButNotGivenNamesTheClasspath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path project) throws Exception {
        java.nio.file.Path services = project.resolve("target/test-classes/META-INF/services");
        java.nio.file.Files.createDirectories(services);
        java.nio.file.Files.writeString(services.resolve(Requirement.class.getName()), "org.example.nobotnames.NoBots\n");
        assertThat(requirements.unknown("@needs:no-bots", project)).startsWith("unknown requirement tag @needs:no-bots (known: ")
                .endsWith("; target/test-classes registers requirements (META-INF/services/org.mwconform.applicability.Requirement)"
                        + " but is not on the classpath: give it with --classpath target/test-classes (or classpath: [target/test-classes] in mwconform.yml)");
        assertThat(requirements.unknown("@needs:no-bots", java.nio.file.Files.createDirectories(project.resolve("elsewhere"))))
                .endsWith("given with --classpath target/test-classes (or classpath: in mwconform.yml)");
    }
}
