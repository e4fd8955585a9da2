package org.mwconform.cli;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The class-data-sharing archive this JVM was started with ({@code ./mwconform} passes the one the build made),
 * handed on to the scenario processes, which load the same jar: they start from it too.
 */
final class ClassDataArchive {
    private ClassDataArchive() {
    }

    static List<String> flags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-Xlog:cds"))
                .toList();
    }
}
