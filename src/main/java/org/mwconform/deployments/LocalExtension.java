package org.mwconform.deployments;

import java.nio.file.Path;

/**
 * A MediaWiki extension a local deployment loads from a folder ({@code local.extensions} in its environment file),
 * the way Quibble installs the extension under test in Wikimedia CI.
 *
 * @param path     the extension's folder, holding extension.json (absolute)
 * @param settings a PHP settings fragment included after the extension is loaded, or null (absolute)
 */
public record LocalExtension(Path path, Path settings) {
}
