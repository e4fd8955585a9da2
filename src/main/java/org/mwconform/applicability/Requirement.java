package org.mwconform.applicability;

/**
 * What a scenario needs from a deployment, declared as a {@code @needs:NAME} tag and decided before the scenario
 * sends anything. The core's requirements and an extension's are found the same way: listed in
 * {@code META-INF/services/org.mwconform.applicability.Requirement} (a public class with a no-argument constructor).
 */
public interface Requirement {
    /** NAME in {@code @needs:NAME}: lower case, words joined by hyphens. */
    String name();

    /**
     * Whether the deployment offers what is needed, read from the wiki's own answers first, then its environment file.
     *
     * @return the evidence that it does, shown next to the scenario's result
     * @throws NotApplicable with the evidence that it does not
     */
    String check(Target target);

    /** The tag that asks for this requirement. */
    default String tag() {
        return Requirements.TAG_PREFIX + name();
    }
}
