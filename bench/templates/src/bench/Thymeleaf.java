package bench;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

public class Thymeleaf {
    public static void main(String[] args) {
        var rows = Model.rows();
        long classes0 = Model.loaded();
        long cpu0 = Model.cpu();
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(args[0] + "/");
        resolver.setTemplateMode(TemplateMode.HTML);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        Context context = new Context();
        context.setVariable("rows", rows);
        String first = engine.process("page.html", context);
        long cpu1 = Model.cpu();
        long classes1 = Model.loaded();
        Model.report("thymeleaf", cpu0, cpu1, classes0, classes1, () -> engine.process("page.html", context), first);
    }
}
