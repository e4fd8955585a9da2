package org.mwconform.applicability;

import org.mwconform.captcha.CaptchaSolvers;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.deployments.Deployment;

import java.util.Collection;
import java.util.Set;

/**
 * What a {@link Requirement} may consult: the deployment's environment file, the wiki's own answers through the API,
 * the CAPTCHA strategies, whether the scenario speaks from a client address of its own (see ScenarioWorld), and
 * the scenario's tags (a requirement may depend on what else the scenario needs).
 */
public record Target(Deployment deployment, MediaWikiApi api, CaptchaSolvers captchas, boolean isolated, Set<String> tags) {
    public Target {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public Target(Deployment deployment, MediaWikiApi api, CaptchaSolvers captchas, boolean isolated) {
        this(deployment, api, captchas, isolated, Set.of());
    }

    static Target of(Deployment deployment, MediaWikiApi api, CaptchaSolvers captchas, boolean isolated, Collection<String> tags) {
        return new Target(deployment, api, captchas, isolated, Set.copyOf(tags));
    }
}
