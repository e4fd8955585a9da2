package org.mwconform.applicability;

import org.mwconform.captcha.CaptchaSolvers;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.deployments.Deployment;

/**
 * What a {@link Requirement} may consult: the deployment's environment file, the wiki's own answers through the API,
 * the CAPTCHA strategies, and whether the scenario speaks from a client address of its own (see ScenarioWorld).
 */
public record Target(Deployment deployment, MediaWikiApi api, CaptchaSolvers captchas, boolean isolated) {
}
