package org.mwconform.expectations;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.mwconform.deployments.ConfigurationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A deployment's expectations file: {@code deviations:} keyed by scenario id and condition id, each with a reason. */
public final class Expectations {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<KnownDeviation> deviations;

    public Expectations(List<KnownDeviation> deviations) {
        this.deviations = List.copyOf(deviations);
    }

    public static Expectations none() {
        return new Expectations(List.of());
    }

    static final class File {
        public List<Entry> deviations = new ArrayList<>();
    }

    static final class Entry {
        public String scenario;
        public String condition;
        public String reason;
        public String link;
    }

    public static Expectations load(Path file) {
        if (file == null || !Files.exists(file)) {
            return none();
        }
        File parsed;
        try {
            parsed = YAML.readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": not a valid expectations file: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<KnownDeviation> deviations = new ArrayList<>();
        for (Entry e : parsed == null ? List.<Entry>of() : parsed.deviations) {
            if (e.scenario == null || e.condition == null || e.reason == null || e.reason.isBlank()) {
                throw new ConfigurationException(file + ": every deviation needs scenario, condition and a reason (" + e.scenario + ")");
            }
            deviations.add(new KnownDeviation(e.scenario, e.condition, e.reason.strip(), e.link));
        }
        return new Expectations(deviations);
    }

    public Optional<KnownDeviation> forScenario(String scenarioId) {
        return deviations.stream().filter(d -> d.scenario().equals(scenarioId)).findFirst();
    }

    public List<KnownDeviation> all() {
        return deviations;
    }
}
