package org.mwconform.run;

import org.mwconform.client.ApiError;
import org.mwconform.client.ApiTransport;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.client.SiteInfo;
import org.mwconform.client.TargetBreaker;
import org.mwconform.client.TargetUnusableException;
import org.mwconform.client.WikiFacts;
import org.mwconform.deployments.Deployment;
import org.mwconform.deployments.LocalProvisioner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mwconform.secrets.SecretMasker;

/**
 * Asks the wiki who it is before any scenario runs, and reads once for the run what every scenario's
 * applicability check consults ({@link WikiFacts}). A dead target, or one that does not answer
 * the Action API, gives one error for the deployment instead of forty failed scenarios.
 */
public final class Preflight {

    /** @param facts what every scenario's applicability check consults, read once for the run ({@link WikiFacts}) */
    public record Answer(SiteInfo siteInfo, WikiFacts facts, String error) {
        Answer(SiteInfo siteInfo, String error) {
            this(siteInfo, WikiFacts.none(), error);
        }
    }

    /**
     * A wiki that answers the preflight's read with an API error (an extension that does not parse gives
     * {@code internal_api_error_ParseError}): its code and info, and for a local wiki the end of its exception log,
     * which names the file and line, or the log's path.
     */
    static String apiError(Deployment deployment, ApiError error, SecretMasker masker) {
        String line = deployment.shownApi() + " answered the preflight's read with the API error " + error.code()
                + (error.info() == null ? "" : " (" + error.info().strip().replaceAll("\\s*\\R\\s*", " ") + ")");
        Path log = LocalProvisioner.exceptionLog(deployment);
        if (log == null) {
            return masker.mask(line);
        }
        String last = lastException(log);
        return masker.mask(line + (last == null ? "; see " + log : "; " + log + " ends: " + last));
    }

    /** The last exception the log holds (its header line names the file and line), from its last 16 KiB; null when none. */
    private static String lastException(Path log) {
        if (!Files.isRegularFile(log)) {
            return null;
        }
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, file.length() - 16 * 1024);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            String last = null;
            for (String l : lines) {
                if (l.startsWith("[") || l.contains("Error") || l.contains("Exception")) {
                    last = l;
                }
            }
            last = last != null ? last : lines.isEmpty() ? null : lines.get(lines.size() - 1);
            return last == null || last.length() <= 400 ? last : last.substring(0, 400) + "...";
        } catch (IOException e) {
            return null;
        }
    }

    public Answer check(Deployment deployment) {
        try {
            SecretMasker masker = new SecretMasker();
            MediaWikiApi api = new MediaWikiApi(new ApiTransport(deployment.api(), masker, null, deployment.client(), TargetBreaker.none()), masker);
            WikiFacts facts = api.readFacts();
            SiteInfo info = api.withFacts(facts).siteInfo();
            if (info.generator() == null) {
                return new Answer(null, facts.error().map(e -> apiError(deployment, e, masker))
                        .orElse(deployment.shownApi() + " answered JSON without meta=siteinfo: is this the wiki's api.php?"));
            }
            return new Answer(info, facts, null);
        } catch (TargetUnusableException e) {
            return new Answer(null, e.getMessage());
        }
    }
}
