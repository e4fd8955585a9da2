package org.mwconform.applicability;

import org.junit.jupiter.api.Test;
import org.mwconform.features.ScenarioCatalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario, the core's and the example extension's, declares exactly one side effect on accounts
 * ({@link SideEffect#ACCOUNT_EFFECTS}); {@code @exhausts-throttle} only beside a write. A scenario without one counts
 * as a write (never run on a read-only wiki); the transport's {@code WriteGuard} stops a mis-tagged one.
 */
class SideEffectTagsTest {
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();

    @Test
    void everyScenarioCarriesExactlyOneSideEffectTag() throws IOException {
        List<ScenarioCatalogue.Scenario> all = new ArrayList<>(ScenarioCatalogue.load(HOME.resolve("features")).all());
        try (Stream<Path> examples = Files.list(HOME.resolve("examples"))) {
            for (Path example : examples.filter(Files::isDirectory).toList()) {
                Path features = example.resolve("src/test/resources/features");
                if (Files.isDirectory(features)) {
                    all.addAll(ScenarioCatalogue.load(features).all());
                }
            }
        }
        assertThat(all).hasSizeGreaterThan(50);
        assertThat(all).anyMatch(s -> s.file().toString().contains("examples"));
        List<String> wrong = new ArrayList<>();
        for (ScenarioCatalogue.Scenario s : all) {
            List<String> effects = SideEffect.of(s.tags());
            if (effects.size() != 1) {
                wrong.add(s.file().getFileName() + " '" + s.name() + "': " + effects);
            }
            if (s.tags().contains(SideEffect.EXHAUSTS_THROTTLE) && !SideEffect.writes(s.tags())) {
                wrong.add(s.file().getFileName() + " '" + s.name() + "': @exhausts-throttle without a write tag");
            }
        }
        assertThat(wrong).as("scenarios without exactly one of " + SideEffect.ACCOUNT_EFFECTS).isEmpty();
    }

    @Test
    void aScenarioWithoutASideEffectTagCountsAsAWrite() {
        assertThat(SideEffect.writes(List.of("@id:x", "@doc:example-1"))).isTrue();
        assertThat(SideEffect.declared(List.of("@id:x"))).isFalse();
        assertThat(SideEffect.writes(List.of("@id:x", SideEffect.READ_ONLY))).isFalse();
        assertThat(SideEffect.writes(List.of("@id:x", SideEffect.SAFE_PROBE))).isFalse();
        assertThat(SideEffect.writes(List.of("@id:x", SideEffect.MAY_CREATE_ACCOUNT))).isTrue();
    }
}
