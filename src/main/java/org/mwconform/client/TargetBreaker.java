package org.mwconform.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Remembers, for one deployment, that its wiki stopped answering (a deadline passed, the host went away,
 * transient answers never ended, an answer too large): every later request of every scenario of that
 * deployment fails at once with that one reason instead of waiting again. It lives in a file of the
 * deployment's run folder, so every session of the deployment's scenarios shares it without static state, and
 * the runner reads it back to print one reason.
 */
public final class TargetBreaker {
    /** The system property naming the file, for a plain Cucumber run ({@code mvn test}). */
    public static final String FILE_PROPERTY = "mwconform.breaker";
    private static final TargetBreaker NONE = new TargetBreaker(null);

    private final Path file;

    public TargetBreaker(Path file) {
        this.file = file;
    }

    public static TargetBreaker none() {
        return NONE;
    }

    /** A plain Cucumber run's breaker, or one that never trips when the property is unset. */
    public static TargetBreaker fromSystemProperties() {
        String file = System.getProperty(FILE_PROPERTY);
        return file == null || file.isBlank() ? NONE : new TargetBreaker(Path.of(file));
    }

    /** The reason it tripped, if it did. */
    public Optional<String> tripped() {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String reason = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            return Optional.of(reason.isEmpty() ? "the target stopped answering" : reason);
        } catch (IOException e) {
            return Optional.of("the target stopped answering");
        }
    }

    /** Trips it; the first reason stays (later ones are consequences). */
    public void trip(String reason) {
        if (file == null || tripped().isPresent()) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, reason.replaceAll("\\R", " ") + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // Another session tripped it at the same moment: its reason stays.
        }
    }

    /** Fails at once when tripped: no request is sent to a wiki that has already stopped answering. */
    public void check() {
        tripped().ifPresent(reason -> {
            throw new TargetUnusableException(reason + " (not asked again in this run)");
        });
    }
}
