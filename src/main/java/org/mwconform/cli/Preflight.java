package org.mwconform.cli;

import org.mwconform.client.ApiTransport;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.client.SiteInfo;
import org.mwconform.client.TargetBreaker;
import org.mwconform.client.TargetUnusableException;
import org.mwconform.deployments.Deployment;
import org.mwconform.secrets.SecretMasker;

/**
 * Asks the wiki who it is before any scenario runs. A dead target, or one that does not answer
 * the Action API, gives one error for the deployment instead of forty failed scenarios.
 */
final class Preflight {

    record Answer(SiteInfo siteInfo, String error) {
    }

    Answer check(Deployment deployment) {
        try {
            SecretMasker masker = new SecretMasker();
            SiteInfo info = new MediaWikiApi(new ApiTransport(deployment.api(), masker, null, deployment.client(), TargetBreaker.none()), masker).siteInfo();
            if (info.generator() == null) {
                return new Answer(null, deployment.shownApi() + " answered JSON without meta=siteinfo: is this the wiki's api.php?");
            }
            return new Answer(info, null);
        } catch (TargetUnusableException e) {
            return new Answer(null, e.getMessage());
        }
    }
}
