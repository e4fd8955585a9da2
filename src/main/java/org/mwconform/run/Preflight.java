package org.mwconform.run;

import org.mwconform.captcha.CaptchaKind;
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

    /**
     * @param facts   what every scenario's applicability check consults, read once for the run ({@link WikiFacts})
     * @param captcha which CAPTCHA an anonymous visitor meets on account creation ({@link CaptchaKind}), from the facts
     */
    public record Answer(SiteInfo siteInfo, WikiFacts facts, String error, String captcha) {
        Answer(SiteInfo siteInfo, String error) {
            this(siteInfo, WikiFacts.none(), error, null);
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
        String unparsable = error.code() != null && error.code().contains("ParseError") ? unparsable(deployment) : null;
        String last = lastException(log);
        return masker.mask(line + (unparsable == null ? "" : "; " + unparsable)
                + (last == null ? "; see " + log : "; " + log + " ends: " + last));
    }

    /**
     * The first PHP file of the deployment's own extensions that does not parse, as {@code php -l} says (file and
     * line: the wiki's log names neither), or null.
     */
    private static String unparsable(Deployment deployment) {
        for (org.mwconform.deployments.LocalExtension extension : deployment.extensions()) {
            List<Path> files = new java.util.ArrayList<>();
            try (java.util.stream.Stream<Path> found = Files.find(extension.path(), 6, (p, a) -> a.isRegularFile() && p.toString().endsWith(".php"))) {
                found.sorted().forEach(files::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                continue;
            }
            if (extension.settings() != null) {
                files.add(extension.settings());
            }
            for (Path file : files) {
                try {
                    Process lint = new ProcessBuilder("php", "-n", "-l", file.toString()).redirectErrorStream(true).start();
                    String said = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (lint.waitFor() != 0) {
                        return said.lines().map(String::strip).filter(l -> l.contains("error")).findFirst().orElse(file + " does not parse");
                    }
                } catch (IOException e) {
                    return null;  // no php here: the log is all there is
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return null;
    }

    /** The last exception the log holds (its header, without the request's URL), from its last 16 KiB; null when none. */
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
                if (!l.startsWith("#")) {  // a stack frame
                    int message = l.indexOf("   ");  // MediaWiki's header: "DATE HOST DB: [ID] URL   Type: message"
                    last = message < 0 ? l : l.substring(message).strip();
                }
            }
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
            return new Answer(info, facts, null, CaptchaKind.of(api.withFacts(facts).authManagerInfo()));
        } catch (TargetUnusableException e) {
            return new Answer(null, e.getMessage());
        }
    }
}
