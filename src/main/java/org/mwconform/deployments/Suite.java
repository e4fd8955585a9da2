package org.mwconform.deployments;

import java.util.ArrayList;
import java.util.List;

/**
 * What to run: feature folders (or files) and glue packages. {@link #CORE} in the features names the core
 * contract (the harness's own {@code features/}, or the copy in its jar); the core's glue
 * ({@value #CORE_GLUE}: its steps and the hooks that decide applicability and attach evidence) is always there.
 *
 * @param features absolute paths, or {@link #CORE}
 * @param glue     extra glue packages, beside the core's
 */
public record Suite(List<String> features, List<String> glue) {
    public static final String CORE = "core";
    public static final String CORE_GLUE = "org.mwconform.steps";
    /** The core contract as a classpath resource of the harness's jar. */
    public static final String CORE_RESOURCE = "classpath:org/mwconform/features";

    public static final Suite DEFAULT = new Suite(List.of(CORE), List.of());

    public Suite {
        features = List.copyOf(features);
        glue = List.copyOf(glue);
    }

    public boolean isEmpty() {
        return features.isEmpty() && glue.isEmpty();
    }

    public boolean includesCore() {
        return features.contains(CORE);
    }

    /** The core contract's features and glue, nothing of an extension's. */
    public boolean isCoreOnly() {
        return features.equals(List.of(CORE)) && glue.isEmpty();
    }

    /** Every glue package, the core's first. */
    public List<String> allGlue() {
        List<String> all = new ArrayList<>(List.of(CORE_GLUE));
        glue.stream().filter(g -> !all.contains(g)).forEach(all::add);
        return all;
    }

    /** Extra features with no core given: the core runs only when named. Glue alone keeps the core features. */
    public Suite orElse(Suite fallback) {
        return new Suite(features.isEmpty() ? fallback.features : features, glue.isEmpty() ? fallback.glue : glue);
    }
}
