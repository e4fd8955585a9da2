package org.mwconform.docs;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's own guide in the documentation site: {@code README.md} and every Markdown page under {@code docs/},
 * rendered with commonmark-java (GitHub's tables, GitHub's heading ids) into {@code guide/} of the site, in the
 * same folder layout as the repository. So a link between two pages ({@code running.md#options}) only changes its
 * ending to {@code .html}, and a link to any other file of the repository ({@code ../environments/README.md}) is
 * pointed at that file in the checkout: both keep working on GitHub and in the site opened from disk.
 * <p>
 * Raw HTML in the Markdown is left out (GitHub strips most of it too; the site's pages run no script anyway).
 */
final class Guide {
    /** The site's folder for the guide's pages. */
    static final String FOLDER = "guide";
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

    /** One page: where its Markdown is in the repository, its title, and the site-relative path of its HTML. */
    record Page(Path source, String relative, String title, String href) {
    }

    private final List<Page> pages;

    private Guide(List<Page> pages) {
        this.pages = pages;
    }

    /**
     * The guide of a checkout that has a {@code docs/} folder: its README.md and docs/**.md. Empty without one
     * (the jar run from some other folder, whose README.md is not ours to publish).
     */
    static Guide of(Path repository) {
        List<Path> sources = new ArrayList<>();
        if (repository != null && Files.isDirectory(repository.resolve("docs"))) {
            Path root = repository.toAbsolutePath().normalize();
            if (Files.isRegularFile(root.resolve("README.md"))) {
                sources.add(root.resolve("README.md"));
            }
            Path docs = root.resolve("docs");
            try (Stream<Path> files = Files.walk(docs)) {
                files.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f)).sorted(Guide::docsOrder)
                        .forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the guide in " + docs, e);
            }
            List<Page> pages = new ArrayList<>();
            for (Path source : sources) {
                String relative = root.relativize(source).toString().replace('\\', '/');
                pages.add(new Page(source, relative, title(read(source), relative),
                        FOLDER + "/" + relative.substring(0, relative.length() - ".md".length()) + ".html"));
            }
            return new Guide(pages);
        }
        return new Guide(List.of());
    }

    /** docs/README.md (the guide's own index) first, then the pages by path. */
    private static int docsOrder(Path a, Path b) {
        boolean ra = a.getFileName().toString().equals("README.md") && a.getParent().getFileName().toString().equals("docs");
        boolean rb = b.getFileName().toString().equals("README.md") && b.getParent().getFileName().toString().equals("docs");
        return ra != rb ? (ra ? -1 : 1) : a.compareTo(b);
    }

    List<Page> pages() {
        return pages;
    }

    /**
     * The page's body as HTML, its links rewritten for {@code out} (the site's folder).
     */
    String body(Page page, Path out) {
        Node document = PARSER.parse(read(page.source()));
        Path pageFolder = out.toAbsolutePath().normalize().resolve(page.href()).getParent();
        Set<Path> rendered = new TreeSet<>();
        pages.forEach(p -> rendered.add(p.source()));
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(rewrite(link.getDestination(), page, pageFolder, rendered));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(rewrite(image.getDestination(), page, pageFolder, rendered));
                visitChildren(image);
            }

            @Override
            public void visit(HtmlBlock html) {
                html.unlink();
            }

            @Override
            public void visit(HtmlInline html) {
                html.unlink();
            }
        });
        return RENDERER.render(document);
    }

    /**
     * A link of {@code page}: another page of the guide becomes its .html beside this one; any other file of the
     * checkout is linked where it is, relative to the page's HTML; absolute URLs and anchors stay as they are.
     */
    private String rewrite(String destination, Page page, Path pageFolder, Set<Path> rendered) {
        if (destination == null || destination.isEmpty() || destination.startsWith("#") || SCHEME.matcher(destination).find()
                || destination.startsWith("/")) {
            return destination;
        }
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        String fragment = hash < 0 ? "" : destination.substring(hash);
        Path target = page.source().getParent().resolve(path).normalize();
        if (rendered.contains(target)) {
            return path.substring(0, path.length() - ".md".length()) + ".html" + fragment;
        }
        String link = pageFolder.relativize(target).toString().replace('\\', '/');
        return link + (path.endsWith("/") && !link.endsWith("/") ? "/" : "") + fragment;
    }

    /** The first heading, as text; else the file's name. */
    private static String title(String markdown, String relative) {
        Node document = PARSER.parse(markdown);
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 1) {
                return TextContentRenderer.builder().build().render(h).strip();
            }
        }
        return relative;
    }

    private static String read(Path source) {
        try {
            return Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
