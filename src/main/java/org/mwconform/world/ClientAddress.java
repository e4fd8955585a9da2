package org.mwconform.world;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Each scenario speaks to a wiki on this machine from a loopback address of its own. MediaWiki throttles
 * account creation per client IP ($wgAccountCreationThrottle), so one scenario's creations never use up
 * another's quota, and a run never depends on the order of its scenarios or on an earlier run.
 * A remote wiki sees the machine's one address: there the throttle is the wiki's to set.
 */
public final class ClientAddress {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What isolation costs where only 127.0.0.1 exists: said once on the console by the run, and in the evidence. */
    public static final String NO_ALIASES = "this system has no loopback addresses besides 127.0.0.1 (macOS has none unless"
            + " added with ifconfig lo0 alias): every scenario speaks from 127.0.0.1, so scenarios are not isolated per IP"
            + " and the throttle scenarios are not applicable";
    private static volatile Boolean aliases;

    private ClientAddress() {
    }

    /** Whether this system routes all of 127.0.0.0/8 to loopback (Linux does; macOS only 127.0.0.1): checked once, by binding. */
    public static boolean perScenarioAddressesAvailable() {
        if (aliases == null) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[]{127, 83, 91, 7}), 0));
                aliases = true;
            } catch (IOException e) {
                aliases = false;
            }
        }
        return aliases;
    }

    /**
     * Only a {@code local:} deployment (a wiki the project starts on loopback) counts as isolated: a loopback URL
     * alone may be a tunnel to a production wiki, where a block or a throttle would hit everyone behind it.
     */
    static Optional<InetAddress> forScenario(org.mwconform.deployments.Deployment deployment) {
        return deployment.isLocal() ? forScenario(deployment.api(), perScenarioAddressesAvailable()) : Optional.empty();
    }

    /** Empty (the system's own address, 127.0.0.1 for a local wiki) for a remote wiki, or where no alias exists. */
    static Optional<InetAddress> forScenario(URI api, boolean aliasesAvailable) {
        String host = api.getHost();
        if (host == null || !(host.startsWith("127.") || host.equals("localhost")) || !aliasesAvailable) {
            return Optional.empty();
        }
        // 127.0.0.0/8 is all loopback on Linux; 127.0.0.1 stays for people and tools.
        byte[] address = {127, (byte) (1 + RANDOM.nextInt(254)), (byte) (1 + RANDOM.nextInt(254)), (byte) (1 + RANDOM.nextInt(254))};
        try {
            return Optional.of(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
