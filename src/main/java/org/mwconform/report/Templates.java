package org.mwconform.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The HTML templates ({@code *.jte} under {@code src/main/resources/org/mwconform/}): jte-maven-plugin compiles each
 * to a class in the package of the code that renders it, so rendering is a method call on a class already in the jar
 * (and in the class-data archive): no template is parsed at run time. Every {@code ${...}} is escaped for where it
 * stands (content type HTML). Why jte: docs/design/templates.md.
 */
public final class Templates {
    /** The package the plugin writes the classes into ({@code packageName} in the pom). */
    private static final String PACKAGE = "org.mwconform";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), PACKAGE);

    private Templates() {
    }

    /**
     * @param name  the template's path under {@code org/mwconform/}, such as {@code report/matrix/matrix.jte}
     * @param model its one {@code @param}
     */
    public static String render(String name, Object model) {
        StringOutput out = new StringOutput(64 * 1024);
        ENGINE.render(name, model, out);
        return out.toString();
    }
}
