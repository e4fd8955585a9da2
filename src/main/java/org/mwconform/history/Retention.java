package org.mwconform.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code --keep N} and {@code --keep-size SIZE}: prunes the oldest run folders under {@code reports/runs/}, never a
 * history record. Only a run the history holds is pruned (its cells stay readable there), never the run
 * {@code latest} points at, and never the newest run.
 *
 * @param keep     at most this many run folders stay (null: no limit)
 * @param maxBytes the run folders together stay under this size (null: no limit)
 */
public record Retention(Integer keep, Long maxBytes) {

    /** What was pruned, and the folders kept only because the history does not hold them. */
    public record Pruned(List<String> removed, List<String> keptUnrecorded, long bytesFreed) {
    }

    public boolean none() {
        return keep == null && maxBytes == null;
    }

    /** "500M", "2G", "800k" or a number of bytes. */
    public static Long parseSize(String size) {
        if (size == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,12})([kKmMgG]?)[bB]?").matcher(size.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--keep-size takes a size such as 500M or 2G, got '" + size + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    public Pruned prune(Path reportsRoot, HistoryStore history) {
        Path runs = reportsRoot.resolve("runs");
        List<Path> folders = new ArrayList<>();
        if (Files.isDirectory(runs)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(runs, p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
                stream.forEach(folders::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + runs, e);
            }
        }
        // run ids begin with their UTC start time: newest first by name
        folders.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        Path latest = latestTarget(reportsRoot);
        List<String> removed = new ArrayList<>();
        List<String> unrecorded = new ArrayList<>();
        long total = 0;
        long freed = 0;
        int kept = 0;
        for (int i = 0; i < folders.size(); i++) {
            Path folder = folders.get(i);
            long size = size(folder);
            boolean protectedRun = i == 0 || real(folder).equals(latest);
            boolean over = (keep != null && kept >= keep) || (maxBytes != null && total + size > maxBytes);
            if (!over || protectedRun) {
                kept++;
                total += size;
                continue;
            }
            String id = folder.getFileName().toString();
            if (!history.contains(id)) {
                unrecorded.add(id);
                kept++;
                total += size;
                continue;
            }
            delete(folder);
            removed.add(id);
            freed += size;
        }
        return new Pruned(removed, unrecorded, freed);
    }

    private static Path latestTarget(Path reportsRoot) {
        try {
            Path latest = reportsRoot.resolve("latest");
            return Files.isSymbolicLink(latest) ? latest.toRealPath() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder;
        }
    }

    private static long size(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + folder, e);
        }
    }
}
