package org.mwconform.deployments;

import java.net.URI;

/**
 * How the harness's client treats one wiki: its deadlines, the largest answer it reads, how it waits
 * out transient answers, and how it introduces itself. The {@code client:} block of an environment file;
 * every key is optional.
 *
 * @param requestTimeoutSeconds    the whole of one request: connecting, sending, and reading the entire answer
 * @param deploymentTimeoutSeconds the whole of one deployment's scenarios
 * @param maxResponseBytes         a larger answer is an error with that reason, never read to the end
 * @param retries                  how often a transient answer (maxlag, HTTP 429 or 503 with Retry-After) is retried
 * @param maxRetryAfterSeconds     a wiki that asks for a longer wait is not waited for
 * @param maxlag                   the {@code maxlag} parameter sent with each request; null: 5 on a remote wiki,
 *                                 none on this machine; 0: never
 * @param userAgent                the whole User-Agent header, replacing the default one
 * @param contact                  who runs the harness (mail or URL), named in the default User-Agent
 * @param patienceSeconds          the environment file's {@code patience:}, or null for the default ({@link #patience()})
 * @param patienceOverride         {@code --patience} of the command that runs this deployment, or null: wins over the file's
 */
public record ClientSettings(int requestTimeoutSeconds, int deploymentTimeoutSeconds, long maxResponseBytes, int retries,
                             int maxRetryAfterSeconds, Integer maxlag, String userAgent, String contact, Integer patienceSeconds,
                             java.time.Duration patienceOverride) {
    public static final ClientSettings DEFAULT = new ClientSettings(30, 1800, 32L * 1024 * 1024, 3, 60, null, null, null, null);
    /** {@code -Dmwconform.patience=SECONDS} in a JUnit or mvn test JVM: wins over every file's {@code patience:}. */
    public static final String PATIENCE_PROPERTY = "mwconform.patience";
    static final int DEFAULT_PATIENCE_SECONDS = 10;

    /** With the file's patience only (no command gave --patience). */
    public ClientSettings(int requestTimeoutSeconds, int deploymentTimeoutSeconds, long maxResponseBytes, int retries,
                          int maxRetryAfterSeconds, Integer maxlag, String userAgent, String contact, Integer patienceSeconds) {
        this(requestTimeoutSeconds, deploymentTimeoutSeconds, maxResponseBytes, retries, maxRetryAfterSeconds, maxlag, userAgent,
                contact, patienceSeconds, null);
    }

    /** The same settings with the command's {@code --patience} (null: none given), which wins over the file's. */
    public ClientSettings withPatienceOverride(java.time.Duration given) {
        return new ClientSettings(requestTimeoutSeconds, deploymentTimeoutSeconds, maxResponseBytes, retries, maxRetryAfterSeconds,
                maxlag, userAgent, contact, patienceSeconds, given);
    }

    /** Without patience: as before the key existed (for callers that set the rest). */
    public ClientSettings(int requestTimeoutSeconds, int deploymentTimeoutSeconds, long maxResponseBytes, int retries,
                          int maxRetryAfterSeconds, Integer maxlag, String userAgent, String contact) {
        this(requestTimeoutSeconds, deploymentTimeoutSeconds, maxResponseBytes, retries, maxRetryAfterSeconds, maxlag, userAgent,
                contact, null);
    }

    /**
     * How long the harness waits on this wiki when it is slow to show or to answer, one budget for both: a wiki that
     * refuses connections, resets them or times out (restarting, reloading, a CI service container coming up late) is
     * asked again within it before the deployment's breaker opens; and reads after a write wait up to it for replicas to
     * show the write (never on SQLite, see {@code client.Visibility}). {@code --patience} wins, then the environment
     * file's {@code patience:}, then 10 s.
     */
    public java.time.Duration patience() {
        if (patienceOverride != null) {
            return patienceOverride;
        }
        // -Dmwconform.patience: a JUnit/mvn test JVM's setting (the commands pass theirs as patienceOverride)
        String given = System.getProperty(PATIENCE_PROPERTY);
        if (given != null && !given.isBlank()) {
            try {
                return java.time.Duration.ofMillis((long) (1000 * Double.parseDouble(given.strip())));
            } catch (NumberFormatException e) {
                // checked by the command line; a hand-set property that is not a number falls back to the file
            }
        }
        return java.time.Duration.ofSeconds(patienceSeconds != null ? patienceSeconds : DEFAULT_PATIENCE_SECONDS);
    }
    /** MediaWiki's API etiquette suggests maxlag=5 for non-interactive clients. */
    static final int DEFAULT_MAXLAG = 5;

    /** The maxlag value to send to this wiki, or null for none. */
    public Integer maxlagFor(URI api) {
        if (maxlag != null) {
            return maxlag == 0 ? null : maxlag;
        }
        String host = api.getHost() == null ? "" : api.getHost();
        boolean local = host.startsWith("127.") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1");
        return local ? null : DEFAULT_MAXLAG;
    }

    /** "mwconform/0.1.0 (MediaWiki account-creation conformance harness; contact: ops@example.org)" */
    public String userAgentHeader() {
        if (userAgent != null && !userAgent.isBlank()) {
            return userAgent.strip();
        }
        return "mwconform/" + HarnessVersion.get() + " (MediaWiki account-creation conformance harness; contact: "
                + (contact == null || contact.isBlank() ? "not configured, set client.contact in the environment file" : contact.strip())
                + ")";
    }
}
