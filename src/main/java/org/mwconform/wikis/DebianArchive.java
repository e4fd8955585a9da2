package org.mwconform.wikis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Debian archive this machine's apt uses (deb822 or one-line sources), never a security archive. */
final class DebianArchive {
    private DebianArchive() {
    }

    static String uri() {
        Path parts = Path.of("/etc/apt/sources.list.d");
        for (Path f : list(parts, ".sources")) {
            for (String line : lines(f)) {
                if (line.startsWith("URIs:")) {
                    for (String uri : line.substring(5).trim().split("\\s+")) {
                        if (!uri.isEmpty() && !uri.contains("security")) {
                            return uri;
                        }
                    }
                }
            }
        }
        List<Path> oneLine = new ArrayList<>(List.of(Path.of("/etc/apt/sources.list")));
        oneLine.addAll(list(parts, ".list"));
        for (Path f : oneLine) {
            for (String line : lines(f)) {
                String[] words = line.trim().split("\\s+");
                if (words.length > 1 && words[0].equals("deb")) {
                    for (String word : words) {
                        if (word.matches("(https?|file|mirror):.*") && !word.contains("security")) {
                            return word;
                        }
                    }
                }
            }
        }
        return "http://deb.debian.org/debian";
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
