package bench;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.FileLoader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

public class Pebble {
    public static void main(String[] args) throws IOException {
        var rows = Model.rows();
        long classes0 = Model.loaded();
        long cpu0 = Model.cpu();
        FileLoader loader = new FileLoader();
        loader.setPrefix(args[0]);
        PebbleEngine engine = new PebbleEngine.Builder().loader(loader).build();   // autoescaping is on by default
        StringWriter out = new StringWriter();
        engine.getTemplate("page.peb").evaluate(out, Map.of("rows", rows));
        long cpu1 = Model.cpu();
        long classes1 = Model.loaded();
        Model.report("pebble", cpu0, cpu1, classes0, classes1, () -> {
            try {
                engine.getTemplate("page.peb").evaluate(new StringWriter(), Map.of("rows", rows));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, out.toString());
    }
}
