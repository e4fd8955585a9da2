package org.mwconform.deployments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's proxied copies are written by Java: the same deployment, remote-style, at another api.php. */
class RemoteCopyTest {
    @TempDir
    Path dir;

    @Test
    void aCopyKeepsEveryKeyButLocalAndNamesTheOtherApi() throws Exception {
        Path file = dir.resolve("local-x.yml");
        Files.writeString(file, """
                name: local-x
                description: a local wiki
                api: http://127.0.0.1:8391/w/api.php
                writable: true
                credentials:
                  creator: MWCONFORM_X_CREATOR
                local:
                  settings: vanilla
                """);
        Files.writeString(dir.resolve("local-x.expectations.yml"), "deviations: []\n");
        Deployment local = new Deployment("local-x", URI.create("http://127.0.0.1:8391/w/api.php"), "a local wiki", true, false,
                null, "vanilla", java.util.Map.of(), java.util.Map.of("creator", "MWCONFORM_X_CREATOR"), file);

        Path copy = RemoteCopy.write(local, URI.create("http://127.0.0.1:9999/w/api.php"), dir.resolve("copies"));

        Deployment remote = new DeploymentLoader().load(copy);
        assertThat(remote.api()).isEqualTo(URI.create("http://127.0.0.1:9999/w/api.php"));
        assertThat(remote.isLocal()).isFalse();
        assertThat(remote.writable()).isTrue();
        assertThat(remote.credentials()).containsEntry("creator", "MWCONFORM_X_CREATOR");
        assertThat(dir.resolve("copies/local-x.expectations.yml")).exists();
        assertThat(RemoteCopy.credentials(local).path("creator").asText()).isEqualTo("MWCONFORM_X_CREATOR");
    }
}
