package org.mwconform.docs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little Markdown the project's docs/ pages use, as HTML for the docs site: headings, paragraphs, one level of
 * bulleted items (continued by indented lines), and inline code, bold and links. Everything is escaped first.
 */
final class MarkdownLite {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");

    private MarkdownLite() {
    }

    /** @param firstLevel the HTML heading level of a "#" heading (a page has its own h1) */
    static String toHtml(String markdown, int firstLevel) {
        StringBuilder html = new StringBuilder();
        StringBuilder block = new StringBuilder();
        String kind = null;  // "p" or "li"
        boolean inList = false;
        for (String line : markdown.split("\\R", -1)) {
            boolean item = line.startsWith("- ");
            boolean heading = line.startsWith("#");
            boolean continuation = !line.isBlank() && !item && !heading && (line.startsWith("  ") || "p".equals(kind));
            if (continuation && kind != null) {
                block.append(' ').append(line.strip());
                continue;
            }
            inList = flush(html, block, kind, inList, item);
            kind = null;
            if (heading) {
                int level = (int) line.chars().takeWhile(c -> c == '#').count();
                int h = Math.min(6, level - 1 + firstLevel);
                html.append("<h").append(h).append('>').append(inline(line.substring(level).strip())).append("</h").append(h).append(">\n");
            } else if (item) {
                kind = "li";
                block.append(line.substring(2).strip());
            } else if (!line.isBlank()) {
                kind = "p";
                block.append(line.strip());
            }
        }
        flush(html, block, kind, inList, false);
        return html.toString();
    }

    private static boolean flush(StringBuilder html, StringBuilder block, String kind, boolean inList, boolean nextIsItem) {
        if (kind != null) {
            if ("li".equals(kind) && !inList) {
                html.append("<ul>\n");
                inList = true;
            }
            html.append('<').append(kind).append('>').append(inline(block.toString())).append("</").append(kind).append(">\n");
            block.setLength(0);
        }
        if (inList && !nextIsItem) {
            html.append("</ul>\n");
            return false;
        }
        return inList;
    }

    private static String inline(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        escaped = replace(CODE, escaped, m -> "<code>" + m.group(1) + "</code>");
        escaped = replace(BOLD, escaped, m -> "<strong>" + m.group(1) + "</strong>");
        return replace(LINK, escaped, m -> m.group(1) + " (" + m.group(2) + ")");
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
