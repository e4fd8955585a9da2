package org.mwconform.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** MediaWiki's rule for the name an account is stored under. */
public final class Usernames {
    private Usernames() {
    }

    /** The canonical form: underscores as spaces, first letter upper case ("mwconform_x" is "Mwconform x"). */
    public static String canonical(String username) {
        String spaced = username.replace('_', ' ').strip();
        return spaced.isEmpty() ? spaced : spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:]*:[0-9a-f:]+");

    /**
     * Every name an account could be stored under when a wiki takes {@code typed} although it should refuse it: the
     * name canonicalised, and the title MediaWiki would make of it (Title::newFromText ends a title at "#", the
     * rest being a fragment). list=users calls the typed name "invalid" whenever it has a "#", so only the
     * title is a name an account can really have.
     */
    public static List<String> storedAs(String typed) {
        List<String> names = new ArrayList<>();
        names.add(canonical(typed));
        int hash = typed.indexOf('#');
        if (hash > 0) {
            String title = canonical(typed.substring(0, hash));
            if (!title.isEmpty() && !names.contains(title)) {
                names.add(title);
            }
        }
        return names;
    }

    /** An IP address: list=users calls it "invalid", so only the newusers log can show an account made under it. */
    public static boolean isIp(String name) {
        String n = name.strip();
        return IPV4.matcher(n).matches() || (n.contains(":") && IPV6.matcher(n).matches());
    }
}
