package org.mwconform.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The reports folder of a run: checked before anything runs (one line, exit 2), and {@code latest} moved
 * to the new run only once the run is written, atomically, leaving no stray link behind.
 */
public final class ReportsFolder {
    static final String LATEST = "latest";

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
            throw new UncheckedIOException("cannot point " + latest + " at " + runFolder, e);
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
