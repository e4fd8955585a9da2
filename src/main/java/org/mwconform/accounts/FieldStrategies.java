package org.mwconform.accounts;

import org.mwconform.client.AuthField;
import org.mwconform.client.AuthRequest;
import org.mwconform.client.interactive.FieldStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every {@link FieldStrategy} registered in {@code META-INF/services/org.mwconform.client.interactive.FieldStrategy}:
 * how the harness answers a field an extension adds to account creation (a terms-of-use checkbox, a referral
 * code), found the way requirements are. Asked in class-path order for a field the core does not know; the first
 * answer wins. A required field nobody answers makes the scenario not applicable, with that evidence.
 */
public final class FieldStrategies {
    private final List<FieldStrategy> strategies;

    public FieldStrategies(List<FieldStrategy> strategies) {
        this.strategies = List.copyOf(strategies);
    }

    public static FieldStrategies none() {
        return new FieldStrategies(List.of());
    }

    public static FieldStrategies load(ClassLoader loader) {
        List<FieldStrategy> found = new ArrayList<>();
        ServiceLoader.load(FieldStrategy.class, loader).forEach(found::add);
        return new FieldStrategies(found);
    }

    public Optional<String> answer(AuthRequest request, AuthField field) {
        return strategies.stream().map(s -> s.answer(request, field)).flatMap(Optional::stream).findFirst();
    }

    public List<FieldStrategy> all() {
        return strategies;
    }
}
