package bench;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** jte as mwconform uses it: the template compiled to a class at build time (JtePrecompile), on the class path. */
public class Jte {
    public static void main(String[] args) {
        var rows = Model.rows();
        long classes0 = Model.loaded();
        long cpu0 = Model.cpu();
        TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Jte.class.getClassLoader(), "gg.jte.generated.ondemand");
        StringOutput out = new StringOutput();
        engine.render("page.jte", rows, out);
        long cpu1 = Model.cpu();
        long classes1 = Model.loaded();
        Model.report("jte", cpu0, cpu1, classes0, classes1, () -> engine.render("page.jte", rows, new StringOutput()), out.toString());
    }
}
