package org.mwconform.applicability;

import org.mwconform.deployments.ConfigurationException;
import org.mwconform.deployments.Deployment;

import java.util.Map;
import java.util.Optional;

/** {@code capabilities.accountCreationThrottle: {count: N, seconds: S}}: what $wgAccountCreationThrottle is set to. */
public record DeclaredThrottle(int count, long seconds) {

    public static Optional<DeclaredThrottle> of(Deployment deployment) {
        Object declared = deployment.capabilities().get("accountCreationThrottle");
        if (declared == null) {
            return Optional.empty();
        }
        if (declared instanceof Map<?, ?> m && m.get("count") instanceof Number count && m.get("seconds") instanceof Number seconds
                && count.intValue() > 0) {
            return Optional.of(new DeclaredThrottle(count.intValue(), seconds.longValue()));
        }
        throw new ConfigurationException(deployment.source() + ": capabilities.accountCreationThrottle must be {count: N > 0, seconds: S}");
    }

    @Override
    public String toString() {
        return count + " per IP per " + seconds + " s";
    }
}
