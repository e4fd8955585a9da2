package org.mwconform.accounts;

import java.util.Locale;

/** MediaWiki's rule for the name an account is stored under. */
public final class Usernames {
    private Usernames() {
    }

    /** The canonical form: underscores as spaces, first letter upper case ("mwconform_x" is "Mwconform x"). */
    public static String canonical(String username) {
        String spaced = username.replace('_', ' ').strip();
        return spaced.isEmpty() ? spaced : spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }
}
