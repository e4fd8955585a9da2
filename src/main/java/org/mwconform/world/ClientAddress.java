package org.mwconform.world;

import java.net.InetAddress;
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
final class ClientAddress {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientAddress() {
    }

    static Optional<InetAddress> forScenario(URI api) {
        String host = api.getHost();
        if (host == null || !(host.startsWith("127.") || host.equals("localhost"))) {
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
