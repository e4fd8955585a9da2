package bench;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

public class Freemarker {
    public static void main(String[] args) throws IOException, TemplateException {
        var rows = Model.rows();
        long classes0 = Model.loaded();
        long cpu0 = Model.cpu();
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDirectoryForTemplateLoading(new File(args[0]));
        cfg.setRecognizeStandardFileExtensions(true);       // .ftlh: HTML output format, autoescaping
        Template template = cfg.getTemplate("page.ftlh");
        StringWriter out = new StringWriter();
        template.process(Map.of("rows", rows), out);
        long cpu1 = Model.cpu();
        long classes1 = Model.loaded();
        Model.report("freemarker", cpu0, cpu1, classes0, classes1, () -> {
            try {
                template.process(Map.of("rows", rows), new StringWriter());
            } catch (IOException | TemplateException e) {
                throw new IllegalStateException(e);
            }
        }, out.toString());
    }
}
