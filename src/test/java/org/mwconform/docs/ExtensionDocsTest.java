package org.mwconform.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The docs site shows an extension's features as that extension's living documentation, apart from the page's flows. */
class ExtensionDocsTest {
    @Test
    void anExtensionsFeaturesAreASectionOfTheirOwn(@TempDir Path out) throws Exception {
        Path example = Path.of("examples/accept-terms/src/test/resources/features");
        Path index = DocsSite.of(Path.of("features"), List.of(example), null, null, null).write(out);
        String html = Files.readString(index);
        int section = html.indexOf("<h2 class=\"extension\">Extension accept-terms</h2>");
        assertThat(section).isGreaterThan(html.indexOf("<h2>Flows</h2>"));
        assertThat(html.indexOf("Accounts are created only once the terms of use are accepted")).isGreaterThan(section);
        assertThat(html.indexOf("<h2>Error codes</h2>")).isGreaterThan(section);
    }
}
