package org.mwconform.deployments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentLoaderTest {
    @TempDir
    Path dir;
    private final DeploymentLoader loader = new DeploymentLoader();

    private Path file(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void readsAnEnvironmentFile() throws IOException {
        Files.createDirectories(dir.resolve("local/settings"));
        Files.writeString(dir.resolve("local/settings/vanilla.php"), "<?php\n");
        Deployment d = loader.load(file("w.yml", """
                name: w
                description: a wiki
                api: http://127.0.0.1:1/api.php
                writable: true
                local:
                  settings: vanilla
                credentials:
                  creator: MWCONFORM_CREATOR_PASSWORD
                """));
        assertThat(d.name()).isEqualTo("w");
        assertThat(d.writable()).isTrue();
        assertThat(d.isLocal()).isTrue();
        assertThat(d.usernamePrefix()).isEqualTo("Mwconform");
        assertThat(d.expectationsFile()).isEqualTo(dir.resolve("w.expectations.yml"));
    }

    /** The pairing for the comparison between versions is explicit, and names another deployment. */
    @Test
    void aCounterpartNamesAnotherDeployment() throws IOException {
        Deployment d = loader.load(file("t.yml", "name: t\napi: http://127.0.0.1:1/api.php\ncounterpart: local-vanilla\n"));
        assertThat(d.counterpart()).isEqualTo("local-vanilla");
        assertThat(d.withApi(java.net.URI.create("http://127.0.0.1:2/api.php")).counterpart()).isEqualTo("local-vanilla");
        Path itself = file("s.yml", "name: s\napi: http://127.0.0.1:1/api.php\ncounterpart: s\n");
        assertThatThrownBy(() -> loader.load(itself)).hasMessageContaining("counterpart: must name another deployment");
    }

    /** A port mw up recorded after the file was read (another checkout held the file's) is where the run reaches the wiki. */
    @Test
    void aLocalDeploymentIsReachedWhereMwServesItNow() throws IOException {
        Files.createDirectories(dir.resolve("local/settings"));
        Files.writeString(dir.resolve("local/settings/vanilla.php"), "<?php\n");
        Deployment read = loader.load(file("m.yml", "name: m\napi: http://127.0.0.1:8405/w/api.php\nlocal:\n  settings: vanilla\n"));
        assertThat(LocalProvisioner.asServed(read)).isSameAs(read);
        Files.createDirectories(dir.resolve("local/.work/m"));
        Files.writeString(dir.resolve("local/.work/m/port"), "8417\n");
        Deployment served = LocalProvisioner.asServed(read);
        assertThat(served.api()).hasToString("http://127.0.0.1:8417/w/api.php");
        assertThat(served.name()).isEqualTo("m");
        assertThat(served.source()).isEqualTo(read.source());
        Deployment remote = loader.load(file("r2.yml", "name: r2\napi: https://test.wikipedia.org/w/api.php\n"));
        assertThat(LocalProvisioner.asServed(remote)).isSameAs(remote);
    }

    @Test
    void aWikiIsReadOnlyUnlessMarkedWritable() throws IOException {
        assertThat(loader.load(file("r.yml", "name: r\napi: https://test.wikipedia.org/w/api.php\n")).writable()).isFalse();
        assertThat(loader.adHoc("https://test.wikipedia.org/w/api.php", false, null).writable()).isFalse();
    }

    @Test
    void everyProblemIsOneLineNamingTheFile() throws IOException {
        Path missing = dir.resolve("nope.yml");
        assertThatThrownBy(() -> loader.load(missing)).isInstanceOf(ConfigurationException.class)
                .hasMessage(missing + ": no such environment file");
        Path badUrl = file("u.yml", "name: u\napi: not a url\n");
        assertThatThrownBy(() -> loader.load(badUrl)).hasMessageContaining("u.yml").hasMessageContaining("absolute http(s) URL");
        Path unknown = file("k.yml", "name: k\napi: http://x/api.php\npasword: x\n");
        assertThatThrownBy(() -> loader.load(unknown)).hasMessageContaining("unknown key 'pasword'");
        Path broken = file("b.yml", "name: [unclosed\n");
        assertThatThrownBy(() -> loader.load(broken)).isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void credentialsNameVariablesAndNeverHoldSecrets() throws IOException {
        Path f = file("c.yml", "name: c\napi: http://x/api.php\ncredentials:\n  creator: hunter2 is my password\n");
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining("must name an environment variable");
    }

    @Test
    void everyEnvironmentFileOfTheProjectLoads() throws IOException {
        Path environments = Path.of(System.getProperty("mwconform.home", ".")).resolve("environments");
        try (var files = Files.list(environments)) {
            List<Path> envs = files.filter(f -> f.toString().endsWith(".yml") && !f.toString().endsWith(".expectations.yml")).toList();
            assertThat(envs).isNotEmpty();
            for (Path env : envs) {
                Deployment d = loader.load(env);
                assertThat(d.name()).as(env.toString()).isEqualTo(env.getFileName().toString().replace(".yml", ""));
                org.mwconform.expectations.Expectations.load(d.expectationsFile());
            }
        }
    }
}
