package org.mwconform.deployments;

import java.util.Map;
import java.util.Optional;

/**
 * A wiki user's credentials for a role the scenarios need, e.g. {@code creator}: a user who may create
 * accounts for someone else. Never in a file: the environment file maps the role to the name of an
 * environment variable ({@code credentials: {creator: MWCONFORM_LOCAL_VANILLA_CREATOR}}), and that
 * variable holds {@code Username:password}, split at the first ':' (MediaWiki usernames cannot contain one).
 * The password never appears in {@link #toString()} or in any message.
 */
public final class Credentials {
    /** The role of a user who creates accounts for someone else ({@code features/for-someone-else.feature}). */
    public static final String CREATOR = "creator";
    /** The role of a user who may block an address from creating accounts ({@code features/blocked.feature}). */
    public static final String BLOCKER = "blocker";

    private final String role;
    private final String variable;
    private final String username;
    private final String password;

    private Credentials(String role, String variable, String username, String password) {
        this.role = role;
        this.variable = variable;
        this.username = username;
        this.password = password;
    }

    /**
     * What the environment file and the environment say about one role.
     *
     * @param credentials present when the file names a variable for the role and the variable is set
     * @param evidence    where they came from, or why there are none; never the secret
     */
    public record Lookup(Optional<Credentials> credentials, String evidence) {
    }

    /**
     * Looks the role up in the deployment's {@code credentials} and in the process environment; for a local
     * deployment whose variable is unset, in the users {@code wiki up} provisioned ({@link LocalProvisioner}).
     */
    public static Lookup lookup(Deployment deployment, String role) {
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.putAll(LocalProvisioner.provisionedCredentials(deployment, System.getenv()));
        return lookup(deployment, role, environment);
    }

    /**
     * @throws ConfigurationException when the variable is set but does not hold {@code Username:password}
     */
    public static Lookup lookup(Deployment deployment, String role, Map<String, String> environment) {
        String variable = deployment.credentials().get(role);
        if (variable == null) {
            return new Lookup(Optional.empty(), "the environment file names no credentials." + role
                    + " (the name of an environment variable holding Username:password)");
        }
        if ("http".equalsIgnoreCase(deployment.api().getScheme()) && !deployment.isLocal()) {
            return new Lookup(Optional.empty(), "credentials." + role + " are never sent over plain http:// to "
                    + deployment.name() + ", which is not a local: deployment: give its https:// api.php");
        }
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return new Lookup(Optional.empty(), "credentials." + role + " names the environment variable " + variable
                    + ", which is not set");
        }
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1 || value.substring(0, colon).isBlank()) {
            throw new ConfigurationException("the environment variable " + variable + " (credentials." + role + " of "
                    + deployment.name() + ") must hold Username:password");
        }
        Credentials credentials = new Credentials(role, variable, value.substring(0, colon).strip(), value.substring(colon + 1));
        return new Lookup(Optional.of(credentials), "credentials." + role + ": the user " + credentials.username
                + " (from the environment variable " + variable + ")");
    }

    public String role() { return role; }
    public String variable() { return variable; }
    public String username() { return username; }
    public String password() { return password; }

    @Override
    public String toString() {
        return "Credentials[" + role + ": " + username + " from " + variable + "]";
    }
}
