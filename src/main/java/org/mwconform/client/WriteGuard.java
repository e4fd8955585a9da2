package org.mwconform.client;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a request may leave for the wiki: the one choke point every request of a session passes
 * ({@link ApiTransport#send}), so no step, tag or extension can send a write where the environment file
 * does not allow one. Accounts are forever: on a deployment that is not {@code writable}, every module but
 * the known reads is refused, and {@code action=createaccount} leaves only as a guarded probe (a scenario
 * tagged {@code @safe-probe} whose request carries the guard: a retyped password that differs, so
 * MediaWiki's primary provider refuses it as badretype before anything could be created).
 * <p>
 * Credentials (a {@code password} in {@code action=clientlogin}) never travel over plain {@code http://} to a
 * wiki the project does not start itself.
 */
public final class WriteGuard {
    /** Modules that read only: everything else is taken for a write. */
    private static final Set<String> READS = Set.of("query", "paraminfo", "validatepassword", "help");
    private static final String CREATE = "createaccount";
    /** Modules that take a user's own password (a creator's, a blocker's). */
    private static final Set<String> LOGINS = Set.of("clientlogin", "login");

    private final String deployment;
    private final boolean writable;
    private final boolean plainHttpAllowed;
    private final AtomicBoolean probes = new AtomicBoolean();

    private WriteGuard(String deployment, boolean writable, boolean plainHttpAllowed) {
        this.deployment = deployment;
        this.writable = writable;
        this.plainHttpAllowed = plainHttpAllowed;
    }

    /**
     * @param writable         the environment file says {@code writable: true}
     * @param plainHttpAllowed the deployment is {@code local:} (the project starts it on loopback)
     */
    public static WriteGuard of(String deployment, boolean writable, boolean plainHttpAllowed) {
        return new WriteGuard(deployment, writable, plainHttpAllowed);
    }

    /** Reads only (the preflight, tools): every write is refused. */
    public static WriteGuard readsOnly() {
        return new WriteGuard("this session", false, true);
    }

    /** A session that may write anything: tests of the transport itself. */
    public static WriteGuard unrestricted() {
        return new WriteGuard("this session", true, true);
    }

    /** From now on createaccount requests carrying the probe's guard may leave (the scenario is a {@code @safe-probe}). */
    public void allowGuardedProbes() {
        probes.set(true);
    }

    public boolean writable() {
        return writable;
    }

    /**
     * Throws {@link WriteRefusedException} when the request must not leave.
     *
     * @param params     every parameter, wherever it travels
     * @param https      whether the request goes over TLS
     */
    public void check(Map<String, String> params, boolean https) {
        String action = params.getOrDefault("action", "");
        if (!https && !plainHttpAllowed && LOGINS.contains(action) && params.containsKey("password")) {
            throw new WriteRefusedException("refused to send a password (action=" + action + ") over plain http:// to "
                    + deployment + ", which is not a local: deployment; use its https:// api.php");
        }
        if (writable || READS.contains(action)) {
            return;
        }
        if (CREATE.equals(action)) {
            String why = probeGuardMissing(params);
            if (why == null) {
                return;
            }
            throw new WriteRefusedException("refused to send action=createaccount to " + deployment
                    + ", which its environment file does not mark writable (writable: true): " + why);
        }
        throw new WriteRefusedException("refused to send action=" + (action.isEmpty() ? "(none)" : action) + " to " + deployment
                + ", which its environment file does not mark writable (writable: true): only reads ("
                + String.join(", ", READS.stream().sorted().toList()) + ") and guarded createaccount probes leave for it");
    }

    /** Null when the request is a guarded probe that cannot create an account; else why it is not. */
    private String probeGuardMissing(Map<String, String> params) {
        if (!probes.get()) {
            return "the scenario is not a @safe-probe (a scenario without a side-effect tag counts as a write)";
        }
        if (params.containsKey("createcontinue") || params.containsKey("createpreservestate")) {
            return "a probe never continues a conversation (createcontinue, createpreservestate)";
        }
        String password = params.get("password");
        String retype = params.get("retype");
        if (password == null || retype == null || password.equals(retype)) {
            return "the request lacks the probe's guard (a retyped password that differs from the password)";
        }
        return null;
    }

    /** A request the guard kept from leaving: the scenario is an error, with this reason. */
    public static final class WriteRefusedException extends RuntimeException {
        public WriteRefusedException(String oneLine) {
            super(oneLine);
        }
    }
}
