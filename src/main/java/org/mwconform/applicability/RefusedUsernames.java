package org.mwconform.applicability;

import org.mwconform.client.MediaWikiApi;
import org.mwconform.deployments.ConfigurationException;
import org.mwconform.deployments.Deployment;

import java.util.Map;

/**
 * Anti-abuse rules that refuse some new usernames: the environment file names words that a rule refuses in a
 * username ({@code capabilities.refusedUsernames: {titleblacklist: WORDS, abusefilter: WORDS}}), since the API
 * cannot list what a blacklist or a private filter forbids; the wiki confirms the extension is there.
 */
public enum RefusedUsernames {
    TITLE_BLACKLIST("titleblacklist", "TitleBlacklist"),
    ABUSE_FILTER("abusefilter", "Abuse Filter");

    private final String key;
    private final String extension;

    RefusedUsernames(String key, String extension) {
        this.key = key;
        this.extension = extension;
    }

    /** The declared words; not applicable when the file declares none. */
    public String words(Deployment deployment) {
        Object declared = deployment.capabilities().get("refusedUsernames");
        if (declared == null) {
            throw new NotApplicable("the environment file declares no capabilities.refusedUsernames." + key);
        }
        if (!(declared instanceof Map<?, ?> map) || (map.get(key) != null && !(map.get(key) instanceof String))) {
            throw new ConfigurationException(deployment.source() + ": capabilities.refusedUsernames must map titleblacklist/abusefilter to words");
        }
        Object words = map.get(key);
        if (words == null || ((String) words).isBlank()) {
            throw new NotApplicable("the environment file declares no capabilities.refusedUsernames." + key);
        }
        return (String) words;
    }

    /** Evidence that the rule is there: the declaration, and the extension among meta=siteinfo's extensions. */
    public String evidence(Deployment deployment, MediaWikiApi api) {
        String words = words(deployment);
        boolean installed = api.siteInfo().extensions().contains(extension);
        String evidence = "environment file: capabilities.refusedUsernames." + key + " \"" + words + "\"; meta=siteinfo extensions "
                + (installed ? "include" : "lack") + " " + extension;
        if (!installed) {
            throw new NotApplicable(evidence);
        }
        return evidence;
    }
}
