package org.mwconform.client;

import java.util.List;

/**
 * What a wiki says of itself in {@code meta=siteinfo}: the evidence for a report's column header, and its database
 * type ({@code dbtype}), which says whether its reads can lag behind its writes ({@link Visibility}).
 */
public record SiteInfo(String generator, String siteName, List<String> extensions, String dbType) {

    /** "1.39.10" from "MediaWiki 1.39.10". */
    public String mediawikiVersion() {
        return generator != null && generator.startsWith("MediaWiki ") ? generator.substring("MediaWiki ".length()) : generator;
    }
}
