package org.mwconform.scaffold;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.deployments.DeploymentLoader;
import org.mwconform.deployments.LocalPorts;
import org.mwconform.deployments.ProjectFile;
import org.mwconform.run.UsageException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtensionProjectTest {
    @Test
    void namesFollowTheExtensionsName() {
        ExtensionProject.Names names = ExtensionProject.Names.of("NoBotNames");
        assertThat(names.kebab()).isEqualTo("no-bot-names");
        assertThat(names.javaPackage()).isEqualTo("org.example.nobotnames");
        assertThat(ExtensionProject.Names.of("OATHAuth").kebab()).isEqualTo("oath-auth");
        assertThatThrownBy(() -> ExtensionProject.Names.of("no bots")).isInstanceOf(UsageException.class)
                .hasMessage("new extension: the name must be an extension name in UpperCamelCase (letters and digits, e.g. NoBotNames), got 'no bots'");
    }

    /** What it writes is what the harness reads: the project file, the environment file on a port from the one rule. */
    @Test
    void theProjectItWritesIsOneTheHarnessReads(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("no-bot-names");
        assertThat(ExtensionProject.write(ExtensionProject.Names.of("NoBotNames"), folder)).hasSize(11);
        Files.createDirectories(folder.resolve("target/test-classes"));  // mvn test-compile's
        ProjectFile project = ProjectFile.load(folder.resolve("mwconform.yml"));
        assertThat(project.name()).isEqualTo("no-bot-names");
        assertThat(project.reports()).isEqualTo(folder.resolve("reports"));
        assertThat(project.suite().glue()).containsExactly("org.example.nobotnames");
        int port = new DeploymentLoader().load(project.environments().get(0)).api().getPort();
        assertThat(port).isBetween(LocalPorts.FIRST, LocalPorts.LAST);
        assertThat(Files.readString(folder.resolve("src/test/resources/features/no-bot-names.feature")))
                .startsWith("@extension:NoBotNames @doc:no-bot-names @needs:anonymous-creation @needs:fillable-form\n")
                .contains("  Background:\n    Given I have fetched the fields and a createaccount token\n");
        assertThatThrownBy(() -> ExtensionProject.write(ExtensionProject.Names.of("NoBotNames"), folder))
                .hasMessageContaining("already exists and is not empty");
    }
}
