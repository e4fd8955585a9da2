package org.mwconform.client;

import java.time.Duration;

/**
 * How long after its answer a wiki may take to show what a request did in {@code list=users} and
 * {@code list=logevents}: the one bound that both "the account exists" and "no account was created" wait, read
 * from the wiki rather than assumed.
 * <ul>
 *   <li>{@code dbtype: sqlite}: one database file, which MediaWiki never replicates, and the API commits a request's
 *   writes before it sends the answer ({@code ApiMain::executeActionWithErrorHandling} calls
 *   {@code MediaWiki::preOutputCommit}), so the first read after the answer is final: no wait.</li>
 *   <li>anything else (MySQL, PostgreSQL, or not said): replicas may lag; reads go on for the configured patience.</li>
 * </ul>
 */
public record Visibility(Duration bound, String evidence) {

    public static Visibility of(SiteInfo site, Duration patience) {
        String type = site == null ? null : site.dbType();
        if ("sqlite".equals(type)) {
            return new Visibility(Duration.ZERO, "siteinfo: dbtype sqlite (one database, never replicated; the API commits"
                    + " before it answers), so one read after the answer is final");
        }
        return new Visibility(patience, "siteinfo: dbtype " + (type == null ? "not given" : type)
                + " (replicas may lag), so reads go on for up to " + seconds(patience) + " s (--patience, patience:)");
    }

    /** Whether the first read after the answer is the last word. */
    public boolean immediate() {
        return bound.isZero();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }
}
