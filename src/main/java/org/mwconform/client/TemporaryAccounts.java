package org.mwconform.client;

import java.util.List;
import java.util.Optional;

/**
 * What {@code meta=siteinfo&siprop=autocreatetempuser} says of temporary accounts ($wgAutoCreateTempUser, MediaWiki
 * 1.43): whether anonymous actions create them ({@code enabled}) and the patterns their names match
 * ({@code matchPatterns}, given when the wiki "knows" temporary accounts). Nothing here is assumed: a wiki that does not
 * know the siprop (MediaWiki 1.39 warns "Unrecognized value"), or says nothing, is {@link #answered() unanswered}.
 *
 * @param answered      the siteinfo answer has an {@code autocreatetempuser} member
 * @param enabled       its {@code enabled}
 * @param matchPatterns its {@code matchPatterns}, each "PREFIX$1SUFFIX" (empty when the wiki lists none)
 * @param evidence      the answer in a line: the member as JSON, or the warning the wiki gave instead
 */
public record TemporaryAccounts(boolean answered, boolean enabled, List<String> matchPatterns, String evidence) {
    /** Where a pattern puts the serial (MediaWiki\User\TempUser\Pattern). */
    public static final String SERIAL = "$1";

    public TemporaryAccounts {
        matchPatterns = matchPatterns == null ? List.of() : List.copyOf(matchPatterns);
    }

    /** The patterns a name can be built from: each holding {@value #SERIAL} once. */
    public List<String> usablePatterns() {
        return matchPatterns.stream().filter(p -> p.indexOf(SERIAL) >= 0 && p.indexOf(SERIAL) == p.lastIndexOf(SERIAL)).toList();
    }

    /** A name in the wiki's first usable match pattern, with {@code serial} where the pattern says. */
    public Optional<String> nameWith(String serial) {
        return usablePatterns().stream().findFirst().map(p -> p.replace(SERIAL, serial));
    }

    /** Whether {@code name} matches one of the patterns, as MediaWiki's Pattern::isMatch decides (prefix and suffix). */
    public boolean matches(String name) {
        if (name == null) {
            return false;
        }
        for (String p : usablePatterns()) {
            String prefix = p.substring(0, p.indexOf(SERIAL));
            String suffix = p.substring(p.indexOf(SERIAL) + SERIAL.length());
            if (name.startsWith(prefix) && name.endsWith(suffix) && name.length() >= prefix.length() + suffix.length()) {
                return true;
            }
        }
        return false;
    }
}
