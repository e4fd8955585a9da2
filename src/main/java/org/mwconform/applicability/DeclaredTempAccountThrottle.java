package org.mwconform.applicability;

import org.mwconform.deployments.ConfigurationException;
import org.mwconform.deployments.Deployment;

import java.util.Map;
import java.util.Optional;

/**
 * {@code capabilities.tempAccountCreationThrottle: {count: N, seconds: S}}: one window of $wgTempAccountCreationThrottle
 * (temporary accounts per IP address), which the API does not expose. The shortest window is the one a run can reach.
 */
public record DeclaredTempAccountThrottle(int count, long seconds) {
    public static final String KEY = "tempAccountCreationThrottle";

    public static Optional<DeclaredTempAccountThrottle> of(Deployment deployment) {
        Object declared = deployment.capabilities().get(KEY);
        if (declared == null) {
            return Optional.empty();
        }
        if (declared instanceof Map<?, ?> m && m.get("count") instanceof Number count && m.get("seconds") instanceof Number seconds
                && count.intValue() > 0) {
            return Optional.of(new DeclaredTempAccountThrottle(count.intValue(), seconds.longValue()));
        }
        throw new ConfigurationException(deployment.source() + ": capabilities." + KEY + " must be {count: N > 0, seconds: S}");
    }

    @Override
    public String toString() {
        return count + " temporary accounts per IP per " + seconds + " s";
    }
}
