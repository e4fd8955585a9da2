package bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The page every engine renders, and how each run is measured and printed. */
public final class Model {
    public static final class Cell {
        private final String outcome;
        private final String reason;
        private final String text;

        Cell(String outcome, String reason, String text) {
            this.outcome = outcome;
            this.reason = reason;
            this.text = text;
        }

        public String getOutcome() { return outcome; }
        public String getReason() { return reason; }
        public String getText() { return text; }
    }

    public static final class Row {
        private final String key;
        private final String name;
        private final List<Cell> cells;

        Row(String key, String name, List<Cell> cells) {
            this.key = key;
            this.name = name;
            this.cells = cells;
        }

        public String getKey() { return key; }
        public String getName() { return name; }
        public List<Cell> getCells() { return cells; }
    }

    /** 57 scenarios by 11 deployments, as the default run's matrix; text and attributes that need escaping. */
    public static List<Row> rows() {
        // What a harness JVM has done long before it renders a page (lambdas, streams, formatting, regex,
        // reflection, the management beans), so none of it is charged to the first engine that needs it.
        String warm = Stream.of("a", "b").map(x -> x + 1).collect(Collectors.joining(",")) + String.format("%d %s", 1, "x")
                + Pattern.compile("a+").matcher("aa").matches();
        try {
            Model.class.getMethod("loaded").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        cpu();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            List<Cell> cells = new ArrayList<>();
            for (int j = 0; j < 11; j++) {
                cells.add(new Cell(j % 3 == 0 ? "passed" : "not-applicable", "reason <" + i + "> & \"" + j + "\"", "text " + i + "/" + j));
            }
            rows.add(new Row("id-" + i, "Scenario <" + i + ">", cells));
        }
        return rows.isEmpty() ? List.of(new Row(warm, warm, List.of())) : rows;
    }

    public static long loaded() {
        return ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    }

    public static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** One line: the first render's CPU time (engine set up, template loaded, page rendered), classes, then warm renders. */
    public static void report(String engine, long cpu0, long cpu1, long classes0, long classes1, Runnable render, String firstPage) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long firstDone = System.currentTimeMillis();
        long w0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            render.run();
        }
        long w1 = System.nanoTime();
        System.out.printf("%s first-cpu=%.1f ms classes=%d jvm-start-to-first-page=%d ms warm=%.3f ms%n", engine, (cpu1 - cpu0) / 1e6,
                classes1 - classes0, firstDone - jvmStart, (w1 - w0) / 200e6);
        if (!firstPage.contains("<th>Scenario &lt;56&gt;</th>")) {
            throw new IllegalStateException(engine + " rendered something else: " + firstPage.substring(0, Math.min(300, firstPage.length())));
        }
    }
}
