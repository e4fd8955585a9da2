package org.mwconform.world;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {
    @Test
    void aLocalWikiIsSpokenToFromALoopbackAddressOfTheScenariosOwn() {
        Set<InetAddress> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            InetAddress a = ClientAddress.forScenario(deployment("http://127.0.0.1:8391/api.php", true)).orElseThrow();
            assertThat(a.isLoopbackAddress()).isTrue();
            assertThat(a.getHostAddress()).isNotEqualTo("127.0.0.1");
            seen.add(a);
        }
        assertThat(seen).hasSizeGreaterThan(45);
    }

    @Test
    void withoutLoopbackAliasesEveryScenarioFallsBackToTheSystemsAddress() {
        // macOS routes only 127.0.0.1: no per-scenario address, so no isolation (and the throttle scenarios say why).
        assertThat(ClientAddress.forScenario(URI.create("http://127.0.0.1:8391/api.php"), false)).isEmpty();
        assertThat(ClientAddress.NO_ALIASES).contains("127.0.0.1").contains("throttle");
    }

    @Test
    void linuxHasLoopbackAliases() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name", "").startsWith("Linux"));
        assertThat(ClientAddress.perScenarioAddressesAvailable()).isTrue();
    }

    @Test
    void aRemoteWikiSeesTheMachinesOwnAddress() {
        assertThat(ClientAddress.forScenario(deployment("https://test.wikipedia.org/w/api.php", false))).isEmpty();
    }

    @Test
    void aLoopbackUrlThatIsNoLocalDeploymentIsNotIsolated() {
        // A tunnel to a production wiki looks like 127.0.0.1: only wikis the project starts itself are isolated.
        assertThat(ClientAddress.forScenario(deployment("http://127.0.0.1:8391/api.php", false))).isEmpty();
        assertThat(ClientAddress.forScenario(deployment("http://localhost:8391/api.php", false))).isEmpty();
    }

    private static org.mwconform.deployments.Deployment deployment(String api, boolean local) {
        return new org.mwconform.deployments.Deployment("d", URI.create(api), null, false, false, "Mwconform",
                local ? "vanilla" : null, java.util.Map.of(), java.util.Map.of(), null);
    }
}
