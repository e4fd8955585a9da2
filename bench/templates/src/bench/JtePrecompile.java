package bench;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;

import java.nio.file.Path;
import java.util.Arrays;

/** The build step: tpl/page.jte to a class (what jte-maven-plugin does for mwconform). Args: templates, classes, class path. */
public class JtePrecompile {
    public static void main(String[] args) {
        TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(Path.of(args[0])), Path.of(args[1]), ContentType.Html);
        engine.setClassPath(Arrays.asList(args[2].split(":")));
        engine.precompileAll();
    }
}
