package org.mwconform.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Remembers, for one deployment, that its wiki stopped answering, so that every later request of every scenario of
 * that deployment fails at once with that one reason instead of waiting again. It opens ({@link #trip}) only once a
 * session has spent the deployment's patience on a wiki that does not answer (refused connections, resets and
 * timeouts are retried within it first, see {@link ApiTransport}), or on transient answers that never end, or an
 * answer over the size cap; and it closes again ({@link #close}) as soon as any session gets an answer: a wiki that
 * restarts costs the run time, not results.
 * <p>
 * The run itself may also {@link #stop} the scenarios (a signal, the deployment's deadline, reports that can no longer be
 * written): that never closes. Both live in files of the deployment's run folder, so every session of the
 * deployment's scenarios shares them without static state, and the runner reads the reason back to print one line.
 */
public final class TargetBreaker {
    /** The system property naming the file, for a plain Cucumber run ({@code mvn test}). */
    public static final String FILE_PROPERTY = "mwconform.breaker";
    private static final TargetBreaker NONE = new TargetBreaker(null);

    private final Path file;
    /** The stop, kept in memory too: it must hold even when its file cannot be written (a full disk). */
    private volatile String stoppedInMemory;
    private volatile RuntimeException stopCause;

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

    /** The reason it is open (the run's stop first), if it is. */
    public Optional<String> tripped() {
        if (stoppedInMemory != null) {
            return Optional.of(stoppedInMemory);
        }
        if (file == null) {
            return Optional.empty();
        }
        Optional<String> stopped = read(stopFile());
        return stopped.isPresent() ? stopped : read(file);
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String reason = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            return Optional.of(reason.isEmpty() ? "the target stopped answering" : reason);
        } catch (IOException e) {
            // Closed between the two calls: it is not open.
            return Files.exists(file) ? Optional.of("the target stopped answering") : Optional.empty();
        }
    }

    /** Opens it after the patience was spent; the first reason stays (later ones are consequences). */
    public void trip(String reason) {
        if (file == null || tripped().isPresent()) {
            return;
        }
        write(file, reason);
    }

    /**
     * The wiki answered: requests go to it again. A stop of the run is not undone. Cheap when it is closed (one
     * {@code stat}), as it is asked after every answer.
     */
    public void close() {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left open: the next answer tries again.
        }
    }

    /** The run stops the deployment's scenarios for good (a signal, the deadline): every later request fails at once. */
    public void stop(String reason) {
        stop(reason, null);
    }

    /** As {@link #stop(String)}, remembering what made the run stop, for the runner to rethrow ({@link #stopCause}). */
    public void stop(String reason, RuntimeException cause) {
        if (file == null && this == NONE) {
            return;
        }
        if (stoppedInMemory == null) {
            stopCause = cause;
            stoppedInMemory = reason.replaceAll("\\R", " ");
        }
        if (file != null && read(stopFile()).isEmpty()) {
            write(stopFile(), reason);
        }
    }

    /** What made the run stop this deployment's scenarios, when it was an exception (a report that cannot be written). */
    public Optional<RuntimeException> stopCause() {
        return Optional.ofNullable(stopCause);
    }

    private Path stopFile() {
        return file.resolveSibling(file.getFileName() + ".stopped");
    }

    private static void write(Path file, String reason) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, reason.replaceAll("\\R", " ") + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // Another session tripped it at the same moment (its reason stays), or the disk is full (the stop is in memory).
        }
    }

    /** Fails at once when open: no request is sent to a wiki that has already stopped answering. */
    public void check() {
        tripped().ifPresent(reason -> {
            throw new TargetUnusableException(reason + " (not asked again in this run)");
        });
    }
}
