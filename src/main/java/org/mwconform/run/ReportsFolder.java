package org.mwconform.run;

import org.mwconform.files.CannotWriteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The reports folder of a run: checked before anything runs (one line, exit 2), and {@code latest} moved
 * to the new run only once the run is written, atomically, leaving no stray link behind.
 * <p>
 * A run writes into a hidden folder, {@code runs/.<id>.incomplete}, and only when everything is written is that
 * renamed to {@code runs/<id>} ({@link Reservation#publish}), and then {@code latest} moved: a reader, a second run
 * or the matrix's "changes since" never see half a run. Each run holds an OS file lock on {@code runs/.<id>.lock}
 * while it writes; a run killed with SIGKILL or a lost machine leaves its folder and lock file behind, unlocked, and
 * the next run on the folder removes them ({@link #removeLeftovers}). Two runs at once on one folder each reserve a
 * distinct id; {@code latest} names whichever finished last (a rename of a symbolic link is atomic).
 */
public final class ReportsFolder {
    static final String LATEST = "latest";
    static final String INCOMPLETE = ".incomplete";
    static final String LOCK = ".lock";

    private final Path root;

    private ReportsFolder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    public Path runFolder(String runId) {
        return root.resolve("runs").resolve(runId);
    }

    /** A folder that exists or can be made, where files can be written, whose {@code latest} is ours to move. */
    public static ReportsFolder check(Path root, String baselineRunId) {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new UsageException("--reports " + root + " is a file, not a folder");
        }
        try {
            Files.createDirectories(root.resolve("runs"));
            Path probe = Files.createTempFile(root, ".write-probe-", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UsageException("--reports " + root + " is not a writable folder (" + reason(e) + ")");
        }
        Path latest = root.resolve(LATEST);
        if (Files.exists(latest, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(latest)) {
            throw new UsageException("--reports " + root + ": '" + LATEST + "' there is a real "
                    + (Files.isDirectory(latest, LinkOption.NOFOLLOW_LINKS) ? "folder" : "file")
                    + ", not the link mwconform keeps; move it away");
        }
        if (baselineRunId != null && !Files.isRegularFile(root.resolve("runs").resolve(baselineRunId).resolve("results.json"))) {
            throw new UsageException("--baseline " + baselineRunId + ": no such run under " + root.resolve("runs"));
        }
        return new ReportsFolder(root);
    }

    /**
     * A new run's folder, not yet visible: its id is distinct from every run's in the folder, finished or under way
     * (two runs started in the same second draw again), and it is locked for as long as this process writes it.
     */
    public Reservation reserve(java.util.function.Supplier<String> newRunId) {
        removeLeftovers();
        Path runs = root.resolve("runs");
        for (int attempt = 0; ; attempt++) {
            String runId = newRunId.get();
            Path lock = runs.resolve("." + runId + LOCK);
            java.nio.channels.FileChannel channel;
            try {
                channel = java.nio.channels.FileChannel.open(lock, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (attempt < 20) {
                    continue;
                }
                throw new CannotWriteException(lock, taken);
            } catch (IOException e) {
                throw new CannotWriteException(lock, e);
            }
            try {
                java.nio.channels.FileLock held = channel.lock();
                if (Files.exists(runs.resolve(runId), LinkOption.NOFOLLOW_LINKS)) {
                    held.release();
                    channel.close();
                    Files.deleteIfExists(lock);
                    continue;
                }
                Path staging = runs.resolve("." + runId + INCOMPLETE);
                Files.createDirectory(staging);
                return new Reservation(runId, staging, runs.resolve(runId), lock, channel);
            } catch (IOException e) {
                try {
                    channel.close();
                    Files.deleteIfExists(lock);
                } catch (IOException ignored) {
                    // the failure below is what matters
                }
                throw new CannotWriteException(lock, e);
            }
        }
    }

    /** A run being written: {@link #folder()} until {@link #publish()}, then {@code runs/<id>}. */
    public static final class Reservation implements AutoCloseable {
        private final String runId;
        private final Path staging;
        private final Path published;
        private final Path lockFile;
        private final java.nio.channels.FileChannel lock;
        private boolean isPublished;

        private Reservation(String runId, Path staging, Path published, Path lockFile, java.nio.channels.FileChannel lock) {
            this.runId = runId;
            this.staging = staging;
            this.published = published;
            this.lockFile = lockFile;
            this.lock = lock;
        }

        public String runId() {
            return runId;
        }

        /** Where the run writes now: hidden, and named incomplete. */
        public Path folder() {
            return isPublished ? published : staging;
        }

        /** The folder's name once complete. */
        public Path finalFolder() {
            return published;
        }

        /** Everything is written: the run's folder appears whole, under its id. */
        public Path publish() {
            try {
                Files.move(staging, published, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new CannotWriteException(published, e);
            }
            isPublished = true;
            return published;
        }

        /** The run cannot be kept (its reports could not be written): what it wrote is removed, nothing half-written stays. */
        public void abandon() {
            if (!isPublished) {
                deleteTree(staging);
            }
        }

        /** The lock is released and its file removed; an unpublished folder is removed with it. */
        @Override
        public void close() {
            abandon();
            try {
                lock.close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing else to do
            }
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException ignored) {
                // an unlocked lock file is a leftover the next run removes
            }
        }
    }

    /**
     * What runs that were killed while they wrote left behind: their incomplete folders, lock files and half-made
     * {@code latest} links, removed when no live process holds their lock. A run under way in another process (or this
     * one) keeps its lock and is left alone. Best effort: what cannot be removed is ignored by every reader.
     */
    public void removeLeftovers() {
        Path runs = root.resolve("runs");
        try (java.util.stream.Stream<Path> entries = Files.list(runs)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && (name.endsWith(INCOMPLETE) || name.endsWith(LOCK))) {
                    String runId = name.substring(1, name.length() - (name.endsWith(LOCK) ? LOCK.length() : INCOMPLETE.length()));
                    removeIfAbandoned(runs, runId);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to clean, or not now: readers skip hidden folders anyway
        }
        try (java.util.stream.Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".latest-") && Files.isSymbolicLink(p) && !locked(runs, name.substring(".latest-".length()))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // as above
        }
    }

    private static void removeIfAbandoned(Path runs, String runId) throws IOException {
        Path lockFile = runs.resolve("." + runId + LOCK);
        Path staging = runs.resolve("." + runId + INCOMPLETE);
        if (!Files.exists(lockFile)) {
            // A lock file is made before its folder and removed after it: a folder without one was abandoned.
            deleteTree(staging);
            return;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock free = channel.tryLock();
            if (free == null) {
                return;  // its run is alive in another process
            }
            try {
                deleteTree(staging);
                Files.deleteIfExists(lockFile);
            } finally {
                free.release();
            }
        } catch (java.nio.channels.OverlappingFileLockException alive) {
            // a run under way in this very process
        } catch (java.nio.file.NoSuchFileException gone) {
            deleteTree(staging);
        }
    }

    /** Whether a run under way holds the lock of {@code runId} (its folder is not to be touched). */
    private static boolean locked(Path runs, String runId) {
        Path lockFile = runs.resolve("." + runId + LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock free = channel.tryLock();
            if (free == null) {
                return true;
            }
            free.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException alive) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort: a hidden incomplete folder is ignored by every reader
        }
    }

    /** {@code latest} names the run now; older runs stay under runs/ (nothing is lost). */
    public Path pointLatest(Path runFolder) {
        Path latest = root.resolve(LATEST);
        Path tmp = root.resolve(".latest-" + runFolder.getFileName());
        try {
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, root.relativize(runFolder));
            Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do: the message below says what failed
            }
            throw new CannotWriteException(latest, e);
        }
        return latest;
    }

    private static String reason(Exception e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "AccessDeniedException" -> "permission denied";
            case "FileSystemException", "NoSuchFileException", "FileAlreadyExistsException" ->
                    e.getMessage() + (((java.nio.file.FileSystemException) e).getReason() == null ? ""
                            : ": " + ((java.nio.file.FileSystemException) e).getReason());
            default -> name + (e.getMessage() == null ? "" : ": " + e.getMessage());
        };
    }
}
