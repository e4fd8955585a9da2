package org.mwconform.wikis;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one place that says where the local wikis of this machine listen: one {@link PortRecord} per port, in a folder
 * shared by every checkout of this user ({@code ${MWCONFORM_CACHE:-~/.cache/mwconform}/servers/PORT.json}). Claims are
 * made under a machine-wide lock; readers (a {@code mvn test}, {@code docs}) only read, and skip records whose server
 * is gone; whoever holds the lock discards them.
 */
public final class PortRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public PortRecords(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * This user's records: {@code servers/} in {@code MWCONFORM_CACHE}, else {@code XDG_CACHE_HOME/mwconform}, else
     * {@code ~/.cache/mwconform}; {@code -Dmwconform.servers=DIR} names another folder (a test's own machine).
     */
    public static PortRecords machine() {
        String own = System.getProperty("mwconform.servers");
        return new PortRecords(own != null && !own.isBlank() ? Path.of(own) : cache().resolve("servers"));
    }

    /** The cache every checkout of this user shares (records, MediaWiki releases). */
    public static Path cache() {
        String own = System.getenv("MWCONFORM_CACHE");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("mwconform");
    }

    public Path folder() {
        return dir;
    }

    /** Every record whose server still runs. */
    public List<PortRecord> live() {
        return all().stream().filter(PortRecord::alive).toList();
    }

    /** The live record of the wiki served from {@code workFolder}. */
    public Optional<PortRecord> ofFolder(Path workFolder) {
        return live().stream().filter(r -> r.ofFolder(workFolder)).findFirst();
    }

    /**
     * Where the wiki an environment file describes is served now: the file's own URL, on the recorded port when a live
     * server of it was recorded (that of {@code preferredCheckout} first, when several checkouts serve the same file).
     */
    public URI served(Path environmentFile, String deployment, URI api, Path preferredCheckout) {
        String file = environmentFile.toAbsolutePath().normalize().toString();
        Optional<PortRecord> record = live().stream()
                .filter(r -> r.environment().equals(file) && r.deployment().equals(deployment))
                .min(Comparator.comparing(r -> preferredCheckout != null && r.ofCheckout(preferredCheckout) ? 0 : 1));
        return record.map(r -> withPort(api, r.port())).orElse(api);
    }

    public static URI withPort(URI api, int port) {
        try {
            return new URI(api.getScheme(), null, api.getHost(), port, api.getPath(), api.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Every record, live or not; unreadable files are skipped (a half-written one never exists: writes are moves). */
    List<PortRecord> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<PortRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("[0-9]+\\.json")).sorted().toList()) {
                try {
                    records.add(JSON.readValue(f.toFile(), PortRecord.class));
                } catch (IOException e) {
                    // gone meanwhile, or not a record: not a server anyone can reach through it
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return records;
    }

    /** Writes (or replaces) the record of its port. Only under {@link #locked} or for a port this process claimed. */
    public void write(PortRecord record) {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + record.port(), ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), record);
            try {
                Files.move(temp, file(record.port()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(record.port()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the port record " + file(record.port()), e);
        }
    }

    /** Removes this record, if the file still holds it (not a newer claim of the same port). */
    public void discard(PortRecord record) {
        try {
            Path f = file(record.port());
            if (Files.isRegularFile(f) && JSON.readValue(f.toFile(), PortRecord.class).equals(record)) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // already gone
        }
    }

    /** Removes the records whose server is gone. Only under {@link #locked}. */
    public void discardStale() {
        all().stream().filter(r -> !r.alive()).forEach(this::discard);
    }

    /** Runs {@code action} holding this machine's claim lock (every checkout, every process of this user). */
    public <T> T locked(Supplier<T> action) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return FileLocks.exclusive(dir.resolve(".lock"), action);
    }

    private Path file(int port) {
        return dir.resolve(port + ".json");
    }
}
