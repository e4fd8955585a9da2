package org.mwconform.deployments;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the environment file says must apply ({@code expect:}): applicability is an expectation too. A scenario found
 * not applicable because a declared requirement did not hold, or fewer judged scenarios than declared, makes the
 * run unexpected (exit 1), so a wiki that quietly loses what it offered never turns green cells grey unnoticed.
 *
 * @param applicable    requirement name ({@code @needs:NAME}, kebab-case) to what is declared of it ({@code true}, or a
 *                      text such as the CAPTCHA's type)
 * @param minimumJudged at least this many scenarios judged (passed, failed, known deviation, stale), or null
 */
public record ExpectedApplicability(Map<String, String> applicable, Integer minimumJudged) {
    public static final ExpectedApplicability NONE = new ExpectedApplicability(Map.of(), null);

    public ExpectedApplicability {
        applicable = applicable == null ? Map.of() : Map.copyOf(applicable);
    }

    public boolean isEmpty() {
        return applicable.isEmpty() && minimumJudged == null;
    }

    /** From the file's keys: camelCase ({@code anonymousCreation}) or the tag's own kebab-case ({@code anonymous-creation}). */
    static ExpectedApplicability of(Map<String, Object> applicable, Integer minimumJudged) {
        Map<String, String> named = new LinkedHashMap<>();
        if (applicable != null) {
            applicable.forEach((k, v) -> named.put(kebab(k), String.valueOf(v)));
        }
        return new ExpectedApplicability(named, minimumJudged);
    }

    static String kebab(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
