package org.mwconform.applicability;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every {@link Requirement} on the class path, by name: the core's and those extensions register. */
public final class Requirements {
    public static final String TAG_PREFIX = "@needs:";
    private final Map<String, Requirement> byName;

    private Requirements(Map<String, Requirement> byName) {
        this.byName = byName;
    }

    /** The requirements registered through ServiceLoader; two with one name are a configuration error. */
    public static Requirements load(ClassLoader loader) {
        Map<String, Requirement> byName = new LinkedHashMap<>();
        for (Requirement requirement : ServiceLoader.load(Requirement.class, loader)) {
            Requirement earlier = byName.put(requirement.name(), requirement);
            if (earlier != null) {
                throw new IllegalStateException("two requirements are named '" + requirement.name() + "': "
                        + earlier.getClass().getName() + " and " + requirement.getClass().getName());
            }
        }
        return new Requirements(Map.copyOf(byName));
    }

    public Optional<Requirement> forTag(String tag) {
        return tag.startsWith(TAG_PREFIX) ? Optional.ofNullable(byName.get(tag.substring(TAG_PREFIX.length()))) : Optional.empty();
    }

    /** The requirement a {@code @needs:} tag names; an unknown one is a defect of the scenario, never a pass. */
    public Requirement require(String tag) {
        return forTag(tag).orElseThrow(() -> new IllegalStateException("unknown requirement tag " + tag + " (known: "
                + names() + "; an extension registers its own in META-INF/services/" + Requirement.class.getName() + ")"));
    }

    public Collection<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}
