package org.mwconform.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.deployments.Suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An extension's features are checked before anything is sent; what is wrong is one line with the fix. */
class ExtensionChecksTest {
    private static List<String> check(Path feature, Path working, String... glue) {
        return ExtensionChecks.check(List.of(new Suite(List.of(feature.toString()), List.of(glue))), List.of(), working);
    }

    @Test
    void aFeatureWithoutItsExtensionsNameIsNoted(@TempDir Path dir) throws Exception {
        Path feature = Files.writeString(dir.resolve("untagged.feature"), """
                Feature: untagged
                  Scenario: asks
                    When I ask authmanagerinfo which fields account creation uses
                """);
        assertThat(check(feature, dir)).containsExactly(feature + ": no @extension:NAME tag on the feature, so its scenarios count as the"
                + " documented contract of \"API:Account creation\"; tag the feature with its extension's name");
        Files.writeString(feature, "@extension:Mine\n" + Files.readString(feature));
        assertThat(check(feature, dir)).isEmpty();
    }

    @Test
    void anUnknownRequirementIsOneLineBeforeAnythingIsSent(@TempDir Path dir) throws Exception {
        Path feature = Files.writeString(dir.resolve("needs.feature"), """
                @extension:Mine @needs:teleportation
                Feature: needs what nobody provides
                  Scenario: asks
                    When I ask authmanagerinfo which fields account creation uses
                """);
        assertThatThrownBy(() -> check(feature, dir)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unknown requirement tag @needs:teleportation (known: ");
    }

    @Test
    void glueWithNoClassOnTheClasspathNamesTheFolderToGive(@TempDir Path dir) throws Exception {
        Path feature = Files.writeString(dir.resolve("mine.feature"), "@extension:Mine\nFeature: f\n  Scenario: s\n    Then the account exists\n");
        Files.createDirectories(dir.resolve("target/test-classes/org/example/mine"));
        assertThatThrownBy(() -> check(feature, dir, "org.example.mine")).isInstanceOf(UsageException.class)
                .hasMessage("glue org.example.mine: no class of this package is on the classpath; it is built in target/test-classes:"
                        + " give it with --classpath target/test-classes (or classpath: [target/test-classes] in mwconform.yml)");
    }
}
