package org.mwconform.client;

import java.util.List;

/** What a wiki says of itself in {@code meta=siteinfo}: the evidence for a report's column header. */
public record SiteInfo(String generator, String siteName, List<String> extensions) {

    /** "1.39.10" from "MediaWiki 1.39.10". */
    public String mediawikiVersion() {
        return generator != null && generator.startsWith("MediaWiki ") ? generator.substring("MediaWiki ".length()) : generator;
    }
}
