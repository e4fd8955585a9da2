package bench;

import com.github.mustachejava.DefaultMustacheFactory;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

public class Mustache {
    public static void main(String[] args) throws IOException {
        var rows = Model.rows();
        long classes0 = Model.loaded();
        long cpu0 = Model.cpu();
        com.github.mustachejava.Mustache template = new DefaultMustacheFactory(new File(args[0])).compile("page.mustache");
        StringWriter out = new StringWriter();
        template.execute(out, Map.of("rows", rows)).flush();
        long cpu1 = Model.cpu();
        long classes1 = Model.loaded();
        Model.report("mustache", cpu0, cpu1, classes0, classes1, () -> {
            try {
                template.execute(new StringWriter(), Map.of("rows", rows)).flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, out.toString());
    }
}
