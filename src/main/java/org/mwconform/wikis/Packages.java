package org.mwconform.wikis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Debian packages the local wikis need, checked before a server is started and installed (apt-get, as root) when
 * missing. A running server had them when it started, so nothing is checked for those.
 */
final class Packages {
    static final List<String> NAMES = List.of("mediawiki", "php-cli", "php-sqlite3", "php-intl", "php-mbstring", "php-xml", "php-apcu",
            "python3-pil", "fonts-dejavu-core");
    private static final Set<String> PHP_MODULES = Set.of("pdo_sqlite", "intl", "mbstring", "dom", "apcu");
    static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private Packages() {
    }

    /** What is missing, or an empty list. */
    static List<String> missing(String php, Path mediawiki) {
        List<String> missing = new ArrayList<>();
        if (!Commands.onPath(php) && !Files.isExecutable(Path.of(php))) {
            missing.add("php");
            return missing;
        }
        if (!MediaWikiReleases.complete(mediawiki)) {
            missing.add("MediaWiki in " + mediawiki);
        }
        if (!Files.isRegularFile(FONT)) {
            missing.add("the font " + FONT);  // FancyCaptcha's images
        }
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))
                || !Commands.output(List.of("/usr/bin/python3", "-c", "import PIL; print('pil ok')")).contains("pil ok")) {
            missing.add("python3's PIL");  // FancyCaptcha's images
        }
        Set<String> modules = Set.copyOf(Commands.output(List.of(php, "-m")).toLowerCase(Locale.ROOT).lines().map(String::strip).toList());
        PHP_MODULES.stream().filter(m -> !modules.contains(m)).sorted().forEach(m -> missing.add("the PHP extension " + m));
        return missing;
    }

    /** Installs the packages when something is missing; a WikiException naming what to do when it cannot. */
    static void ensure(String php, Path mediawiki, java.util.function.Consumer<String> lines) {
        List<String> missing = missing(php, mediawiki);
        if (missing.isEmpty()) {
            return;
        }
        String command = "apt-get update && apt-get install -y --no-install-recommends " + String.join(" ", NAMES);
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new WikiException("missing " + String.join(", ", missing) + "; as root run: " + command);
        }
        lines.accept("installing " + String.join(" ", NAMES) + " (missing: " + String.join(", ", missing) + ")");
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "mwconform-apt-get.log");
        Map<String, String> quiet = Map.of("DEBIAN_FRONTEND", "noninteractive");
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends"));
        install.addAll(NAMES);
        if (Commands.run(List.of("apt-get", "update", "-qq"), null, log, quiet) != 0 || Commands.run(install, null, log, quiet) != 0) {
            throw new WikiException("apt-get could not install " + String.join(" ", NAMES) + "; see " + log);
        }
        List<String> still = missing(php, mediawiki);
        if (!still.isEmpty()) {
            throw new WikiException("packages installed but still missing: " + String.join(", ", still));
        }
    }
}
