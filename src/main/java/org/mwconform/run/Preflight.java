package org.mwconform.run;

import org.mwconform.captcha.CaptchaKind;
import org.mwconform.client.ApiTransport;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.client.SiteInfo;
import org.mwconform.client.TargetBreaker;
import org.mwconform.client.TargetUnusableException;
import org.mwconform.client.WikiFacts;
import org.mwconform.deployments.Deployment;
import org.mwconform.secrets.SecretMasker;

/**
 * Asks the wiki who it is before any scenario runs, and reads once for the run what every scenario's
 * applicability check consults ({@link WikiFacts}). A dead target, or one that does not answer
 * the Action API, gives one error for the deployment instead of forty failed scenarios.
 */
public final class Preflight {

    /**
     * @param facts   what every scenario's applicability check consults, read once for the run ({@link WikiFacts})
     * @param captcha which CAPTCHA an anonymous visitor meets on account creation ({@link CaptchaKind}), from the facts
     */
    public record Answer(SiteInfo siteInfo, WikiFacts facts, String error, String captcha) {
        Answer(SiteInfo siteInfo, String error) {
            this(siteInfo, WikiFacts.none(), error, null);
        }
    }

    public Answer check(Deployment deployment) {
        try {
            SecretMasker masker = new SecretMasker();
            MediaWikiApi api = new MediaWikiApi(new ApiTransport(deployment.api(), masker, null, deployment.client(), TargetBreaker.none()), masker);
            WikiFacts facts = api.readFacts();
            SiteInfo info = api.withFacts(facts).siteInfo();
            if (info.generator() == null) {
                return new Answer(null, deployment.shownApi() + " answered JSON without meta=siteinfo: is this the wiki's api.php?");
            }
            return new Answer(info, facts, null, CaptchaKind.of(api.withFacts(facts).authManagerInfo()));
        } catch (TargetUnusableException e) {
            return new Answer(null, e.getMessage());
        }
    }
}
