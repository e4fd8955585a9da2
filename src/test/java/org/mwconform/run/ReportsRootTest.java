package org.mwconform.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.deployments.ProjectFile;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a run's reports go: decided in one place, relative to the working folder, never the harness's checkout. */
class ReportsRootTest {
    @Test
    void aRelativeReportsFolderIsTheWorkingFolders(@TempDir Path working) {
        assertThat(ConformanceRun.reportsRoot(Path.of("out"), null, working)).isEqualTo(working.resolve("out"));
        assertThat(ConformanceRun.reportsRoot(null, null, working)).isEqualTo(working.resolve("reports"));
    }

    @Test
    void aProjectsReportsAreItsOwnUnlessTheCommandLineSaysOtherwise(@TempDir Path working) throws Exception {
        Path file = working.resolve("mwconform.yml");
        Files.writeString(file, "name: no-bot-names\nreports: build/mwconform\n");
        ProjectFile project = ProjectFile.load(file);
        assertThat(project.name()).isEqualTo("no-bot-names");
        assertThat(ConformanceRun.reportsRoot(null, project, working.resolve("sub"))).isEqualTo(working.resolve("build/mwconform"));
        assertThat(ConformanceRun.reportsRoot(Path.of("x"), project, working.resolve("sub"))).isEqualTo(working.resolve("sub/x"));
        Files.writeString(file, "features: [core]\n");
        assertThat(ProjectFile.load(file).reports()).isEqualTo(working.resolve("reports"));
        assertThat(ProjectFile.load(file).name()).isEqualTo(working.getFileName().toString());
    }
}
