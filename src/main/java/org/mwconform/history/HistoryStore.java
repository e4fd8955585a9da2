package org.mwconform.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The history file: one SQLite database a CI job caches and restores between jobs. Every write is one transaction
 * ({@code BEGIN IMMEDIATE}, rollback journal, {@code synchronous=FULL}): a process killed while it records leaves the
 * file as it was before that run, and two processes recording at once take turns (each waits up to a minute for the
 * other's lock), so neither corrupts it nor loses a run.
 * <p>
 * The file says what it is: SQLite's {@code application_id} header field holds {@link #APPLICATION_ID} and
 * {@code user_version} the schema version. Anything else (not SQLite, another application's database, a schema newer
 * than this harness knows) is refused with one line, before anything is written; the file is never overwritten.
 * An older schema is migrated, in one transaction, by {@link #MIGRATIONS}.
 */
public final class HistoryStore implements AutoCloseable {
    /** Where a reports folder keeps its history: beside {@code runs/}, so pruning run folders never touches it. */
    public static final String FILE_NAME = "history.sqlite";
    /** "mwch" (mwconform history) in SQLite's application_id header field. */
    static final int APPLICATION_ID = 0x6d776368;
    static final String FORMAT = "mwconform-history";
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BUSY_TIMEOUT_MILLIS = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** One schema step: from version {@code i} to {@code i + 1}, inside the migrating transaction. */
    @FunctionalInterface
    interface Migration {
        void apply(Statement sql) throws SQLException;
    }

    /** The schema, step by step: entry i takes a file from version i to i + 1. A new version is one entry more. */
    static final List<Migration> MIGRATIONS = List.of(HistoryStore::version1);

    private final Path file;
    private final Connection db;

    private HistoryStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** The history of the reports folder {@code reportsRoot}. */
    public static Path fileIn(Path reportsRoot) {
        return reportsRoot.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /**
     * Opens the history, checked and migrated to this harness's schema.
     *
     * @param create make it when there is none (a run records into it); otherwise a missing file is a {@link HistoryException}
     */
    public static HistoryStore open(Path file, boolean create) {
        return open(file, create, MIGRATIONS);
    }

    static HistoryStore open(Path file, boolean create, List<Migration> migrations) {
        Path path = file.toAbsolutePath().normalize();
        checkBeforeSqliteSeesIt(path, create);
        Connection db;
        try {
            if (create && path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            SqliteNative.prepare();
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            db = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
        } catch (SQLException | IOException e) {
            throw new HistoryException(file + ": cannot open the history (" + oneLine(e) + ")");
        }
        HistoryStore store = new HistoryStore(file, db);
        try {
            store.checkAndMigrate(migrations);
            try (Statement s = db.createStatement()) {
                // only now, once the file is known to be ours: these settings are the crash safety
                s.execute("PRAGMA journal_mode=DELETE");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
            }
            return store;
        } catch (SQLException e) {
            store.close();
            throw store.problem(e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Not there, not a file, or not SQLite at all: told from the file's first bytes, before SQLite opens it. */
    private static void checkBeforeSqliteSeesIt(Path path, boolean create) {
        if (!Files.exists(path)) {
            if (!create) {
                throw new HistoryException(path + ": no history there (a run records one; 'mwconform history --import' "
                        + "fills one from the run folders)");
            }
            return;
        }
        if (!Files.isRegularFile(path)) {
            throw new HistoryException(path + ": is not a file; the history is one SQLite file");
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new HistoryException(path + ": cannot read it (" + e.getMessage() + ")");
        }
        if (n > 0 && !Arrays.equals(head, SQLITE_HEADER)) {
            throw new HistoryException(path + ": not a mwconform history (not an SQLite database); it is left as it is: "
                    + "move it away to start a new history");
        }
    }

    private void checkAndMigrate(List<Migration> migrations) throws SQLException {
        int newest = migrations.size();
        Header header = header();
        if (header.empty()) {
            // a new file (or one another process is making right now): made in a transaction of its own
        } else {
            header.check(newest);
            if (header.version() == newest) {
                return;
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                Header locked = header();  // again, under the write lock: another writer may have made or migrated it
                if (!locked.empty()) {
                    locked.check(newest);
                }
                int from = locked.empty() ? 0 : locked.version();
                for (int v = from; v < newest; v++) {
                    migrations.get(v).apply(s);
                }
                if (from < newest) {
                    s.execute("PRAGMA application_id=" + APPLICATION_ID);
                    s.execute("PRAGMA user_version=" + newest);
                    s.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('format', '" + FORMAT + "')");
                    s.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', '" + newest + "')");
                    s.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('created', '" + Instant.now() + "')");
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollback(s);
                throw e;
            }
        }
    }

    private record Header(Path file, int applicationId, int version, int tables) {
        boolean empty() {
            return applicationId == 0 && version == 0 && tables == 0;
        }

        void check(int newest) {
            if (applicationId != APPLICATION_ID) {
                throw new HistoryException(file + ": not a mwconform history (an SQLite database of another "
                        + "application); it is left as it is: move it away to start a new history");
            }
            if (version > newest) {
                throw new HistoryException(file + ": written by a newer mwconform (history schema " + version
                        + "; this one knows up to " + newest + "); it is left as it is: use a newer mwconform");
            }
            if (version < 1) {
                throw new HistoryException(file + ": a mwconform history without a schema version; it is left as it is");
            }
        }
    }

    private Header header() throws SQLException {
        try (Statement s = db.createStatement()) {
            int app = intOf(s, "PRAGMA application_id");
            int version = intOf(s, "PRAGMA user_version");
            int tables = intOf(s, "SELECT count(*) FROM sqlite_master");
            return new Header(file, app, version, tables);
        }
    }

    private static int intOf(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /** Schema 1: runs, deployments' facts per run (deduplicated), cells, and each cell's result per run. */
    private static void version1(Statement s) throws SQLException {
        s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)");
        s.execute("CREATE TABLE runs (seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL UNIQUE, started_at TEXT, "
                + "started_ms INTEGER NOT NULL, finished_at TEXT, harness TEXT, tags TEXT, source TEXT, recorded_at TEXT NOT NULL)");
        s.execute("CREATE INDEX runs_in_order ON runs (started_ms, run_id)");
        s.execute("CREATE TABLE facts (id INTEGER PRIMARY KEY, json TEXT NOT NULL UNIQUE)");
        s.execute("CREATE TABLE deployment_runs (run INTEGER NOT NULL REFERENCES runs(seq), deployment TEXT NOT NULL, "
                + "facts INTEGER NOT NULL REFERENCES facts(id), preflight_error TEXT, cells INTEGER NOT NULL, unexpected INTEGER NOT NULL, "
                + "PRIMARY KEY (deployment, run)) WITHOUT ROWID");
        s.execute("CREATE TABLE texts (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)");
        s.execute("CREATE TABLE cells (id INTEGER PRIMARY KEY, deployment TEXT NOT NULL, key TEXT NOT NULL, feature TEXT, "
                + "scenario TEXT, UNIQUE (deployment, key))");
        s.execute("CREATE TABLE results (cell INTEGER NOT NULL REFERENCES cells(id), run INTEGER NOT NULL REFERENCES runs(seq), "
                + "outcome TEXT NOT NULL, condition INTEGER REFERENCES texts(id), reason INTEGER REFERENCES texts(id), "
                + "PRIMARY KEY (run, cell)) WITHOUT ROWID");
        // a run's results lie together (the window is read run by run); a cell's other outcomes are two range scans here
        s.execute("CREATE INDEX results_by_outcome ON results (cell, outcome, run)");
    }

    // --- writing --------------------------------------------------------------------------------------------

    /** Records {@code run} in one transaction; false (and nothing written) when a run of that id is already there. */
    public boolean record(RunRecord run) {
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                boolean recorded = insert(run);
                s.execute(recorded ? "COMMIT" : "ROLLBACK");
                return recorded;
            } catch (SQLException | RuntimeException e) {
                rollback(s);
                throw e;
            }
        } catch (SQLException e) {
            throw problem(e);
        }
    }

    private boolean insert(RunRecord run) throws SQLException {
        try (PreparedStatement known = db.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
            known.setString(1, run.runId());
            try (ResultSet r = known.executeQuery()) {
                if (r.next()) {
                    return false;
                }
            }
        }
        long seq;
        try (PreparedStatement p = db.prepareStatement("INSERT INTO runs (run_id, started_at, started_ms, finished_at, harness, "
                + "tags, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, run.runId());
            p.setString(2, run.startedAt());
            p.setLong(3, startedMillis(run.startedAt(), run.runId()));
            p.setString(4, run.finishedAt());
            p.setString(5, run.harness());
            p.setString(6, run.tags());
            p.setString(7, run.source());
            p.setString(8, Instant.now().toString());
            p.executeUpdate();
            seq = generatedKey(p);
        }
        Map<String, Long> texts = new HashMap<>();
        try (PreparedStatement deployment = db.prepareStatement("INSERT INTO deployment_runs (run, deployment, facts, "
                + "preflight_error, cells, unexpected) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement cellId = db.prepareStatement("SELECT id FROM cells WHERE deployment = ? AND key = ?");
             PreparedStatement newCell = db.prepareStatement("INSERT INTO cells (deployment, key, feature, scenario) VALUES (?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS);
             PreparedStatement result = db.prepareStatement("INSERT OR REPLACE INTO results (cell, run, outcome, condition, reason) "
                     + "VALUES (?, ?, ?, ?, ?)")) {
            for (RunRecord.Deployment d : run.deployments()) {
                int unexpected = (int) d.cells().stream().filter(c -> !expected(c.outcome())).count();
                deployment.setLong(1, seq);
                deployment.setString(2, d.name());
                deployment.setLong(3, factsId(d.facts()));
                deployment.setString(4, d.preflightError());
                deployment.setInt(5, d.cells().size());
                deployment.setInt(6, unexpected);
                deployment.executeUpdate();
                if (d.preflightError() != null) {
                    continue;  // its one "preflight" result is the deployment's, not a scenario's: kept above
                }
                for (RunRecord.Cell c : d.cells()) {
                    long cell;
                    cellId.setString(1, d.name());
                    cellId.setString(2, c.key());
                    try (ResultSet r = cellId.executeQuery()) {
                        if (r.next()) {
                            cell = r.getLong(1);
                        } else {
                            newCell.setString(1, d.name());
                            newCell.setString(2, c.key());
                            newCell.setString(3, c.feature());
                            newCell.setString(4, c.scenario());
                            newCell.executeUpdate();
                            cell = generatedKey(newCell);
                        }
                    }
                    result.setLong(1, cell);
                    result.setLong(2, seq);
                    result.setString(3, c.outcome());
                    setText(result, 4, c.condition(), texts);
                    setText(result, 5, c.reason(), texts);
                    result.addBatch();
                }
                result.executeBatch();
            }
        }
        return true;
    }

    static boolean expected(String outcome) {
        return "passed".equals(outcome) || "not-applicable".equals(outcome) || "known-deviation".equals(outcome);
    }

    private long factsId(Map<String, String> facts) throws SQLException {
        String json;
        try {
            json = JSON.writeValueAsString(new TreeMap<>(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return textLike("facts", "json", json);
    }

    private void setText(PreparedStatement p, int index, String text, Map<String, Long> cache) throws SQLException {
        if (text == null) {
            p.setNull(index, java.sql.Types.INTEGER);
            return;
        }
        Long id = cache.get(text);
        if (id == null) {
            id = textLike("texts", "text", text);
            cache.put(text, id);
        }
        p.setLong(index, id);
    }

    /** The id of {@code value} in a table of unique texts, added when new. */
    private long textLike(String table, String column, String value) throws SQLException {
        try (PreparedStatement find = db.prepareStatement("SELECT id FROM " + table + " WHERE " + column + " = ?")) {
            find.setString(1, value);
            try (ResultSet r = find.executeQuery()) {
                if (r.next()) {
                    return r.getLong(1);
                }
            }
        }
        try (PreparedStatement add = db.prepareStatement("INSERT INTO " + table + " (" + column + ") VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            add.setString(1, value);
            add.executeUpdate();
            return generatedKey(add);
        }
    }

    private static long generatedKey(PreparedStatement p) throws SQLException {
        try (ResultSet keys = p.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no key generated");
            }
            return keys.getLong(1);
        }
    }

    /** Runs are ordered by when they started: an imported older run takes its place in time, not at the end. */
    static long startedMillis(String startedAt, String runId) {
        try {
            if (startedAt != null) {
                return Instant.parse(startedAt).toEpochMilli();
            }
        } catch (DateTimeParseException e) {
            // the run id's own time, below
        }
        try {
            return LocalDateTime.parse(runId.substring(0, 15), RUN_ID_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    // --- reading --------------------------------------------------------------------------------------------

    /** A recorded run, in time order. */
    public record Run(long seq, String runId, String startedAt, String tags, String source) {
    }

    /** A deployment in one run: its facts ({@code facts} is the id of a deduplicated set) and whether its preflight failed. */
    record DeploymentRun(long run, long facts, String preflightError, int cells, int unexpected) {
    }

    /** A cell's result in one run. */
    record Result(long cell, long run, String outcome, String condition, String reason) {
    }

    record Cell(long id, String deployment, String key, String feature, String scenario) {
    }

    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        query("SELECT seq, run_id, started_at, tags, source FROM runs ORDER BY started_ms, run_id", p -> {
        }, r -> runs.add(new Run(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5))));
        return runs;
    }

    /** Every deployment's runs, each in time order ({@code order}: a run's place in {@link #runs()}). */
    Map<String, List<DeploymentRun>> deploymentRuns(Map<Long, Integer> order) {
        Map<String, List<DeploymentRun>> byDeployment = new TreeMap<>();
        query("SELECT deployment, run, facts, preflight_error, cells, unexpected FROM deployment_runs", p -> {
        }, r -> byDeployment.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                .add(new DeploymentRun(r.getLong(2), r.getLong(3), r.getString(4), r.getInt(5), r.getInt(6))));
        byDeployment.values().forEach(list -> list.sort(java.util.Comparator.comparing(d -> order.get(d.run()))));
        return byDeployment;
    }

    Map<Long, Map<String, String>> facts() {
        Map<Long, Map<String, String>> facts = new HashMap<>();
        query("SELECT id, json FROM facts", p -> {
        }, r -> {
            try {
                facts.put(r.getLong(1), JSON.readValue(r.getString(2), new TypeReference<TreeMap<String, String>>() {
                }));
            } catch (JsonProcessingException e) {
                facts.put(r.getLong(1), Map.of());
            }
        });
        return facts;
    }

    Map<Long, Cell> cells() {
        Map<Long, Cell> cells = new LinkedHashMap<>();
        query("SELECT id, deployment, key, feature, scenario FROM cells ORDER BY id", p -> {
        }, r -> cells.put(r.getLong(1), new Cell(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5))));
        return cells;
    }

    /** Every result of the runs {@code runSeqs}, their condition and reason texts resolved. */
    List<Result> results(java.util.Collection<Long> runSeqs) {
        List<Result> results = new ArrayList<>();
        if (runSeqs.isEmpty()) {
            return results;
        }
        StringBuilder in = new StringBuilder();
        runSeqs.forEach(s -> in.append(in.length() == 0 ? "" : ",").append(s.longValue()));
        // the list of runs is part of the statement: prepared for this read only
        try (PreparedStatement p = db.prepareStatement("SELECT r.cell, r.run, r.outcome, c.text, t.text FROM results r "
                + "LEFT JOIN texts c ON c.id = r.condition LEFT JOIN texts t ON t.id = r.reason WHERE r.run IN (" + in + ")");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                results.add(new Result(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5)));
            }
        } catch (SQLException e) {
            throw problem(e);
        }
        return results;
    }

    /** The runs where {@code cell} had an outcome other than {@code outcome} (few: read through an index). */
    List<Long> runsWithOtherOutcome(long cell, String outcome) {
        List<Long> runs = new ArrayList<>();
        query("SELECT run FROM results WHERE cell = ?1 AND outcome < ?2 UNION ALL SELECT run FROM results WHERE cell = ?1 AND outcome > ?2", p -> {
            p.setLong(1, cell);
            p.setString(2, outcome);
        }, r -> runs.add(r.getLong(1)));
        return runs;
    }

    /** The outcome of {@code cell} in run {@code run}, or null when the cell was not in it. */
    String outcome(long cell, long run) {
        String[] outcome = {null};
        query("SELECT outcome FROM results WHERE run = ? AND cell = ?", p -> {
            p.setLong(1, run);
            p.setLong(2, cell);
        }, r -> outcome[0] = r.getString(1));
        return outcome[0];
    }

    /** Every recorded run whole, as it was recorded (to merge one history into another). */
    public List<RunRecord> records() {
        Map<Long, Map<String, String>> facts = facts();
        Map<Long, Cell> cells = cells();
        List<RunRecord> records = new ArrayList<>();
        for (Run run : runs()) {
            String[] meta = new String[3];
            query("SELECT finished_at, harness, source FROM runs WHERE seq = ?", p -> p.setLong(1, run.seq()), r -> {
                meta[0] = r.getString(1);
                meta[1] = r.getString(2);
                meta[2] = r.getString(3);
            });
            Map<String, List<RunRecord.Cell>> cellsOf = new LinkedHashMap<>();
            for (Result r : results(List.of(run.seq()))) {
                Cell c = cells.get(r.cell());
                cellsOf.computeIfAbsent(c.deployment(), k -> new ArrayList<>())
                        .add(new RunRecord.Cell(c.key(), c.feature(), c.scenario(), r.outcome(), r.condition(), r.reason()));
            }
            List<RunRecord.Deployment> deployments = new ArrayList<>();
            query("SELECT deployment, facts, preflight_error FROM deployment_runs WHERE run = ?", p -> p.setLong(1, run.seq()),
                    r -> deployments.add(new RunRecord.Deployment(r.getString(1), facts.getOrDefault(r.getLong(2), Map.of()),
                            r.getString(3), cellsOf.getOrDefault(r.getString(1), List.of()))));
            records.add(new RunRecord(run.runId(), run.startedAt(), meta[0], meta[1], run.tags(), meta[2], deployments));
        }
        return records;
    }

    public boolean contains(String runId) {
        boolean[] found = {false};
        query("SELECT 1 FROM runs WHERE run_id = ?", p -> p.setString(1, runId), r -> found[0] = true);
        return found[0];
    }

    private interface Binder {
        void bind(PreparedStatement p) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    /** Statements asked once per cell are prepared once per store. */
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    private void query(String sql, Binder binder, RowReader reader) {
        try {
            PreparedStatement p = prepared.get(sql);
            if (p == null) {
                p = db.prepareStatement(sql);
                prepared.put(sql, p);
            }
            p.clearParameters();
            binder.bind(p);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        } catch (SQLException e) {
            throw problem(e);
        }
    }

    /** What SQLite said, as one line about the file: corrupt, locked too long, or the disk. */
    private HistoryException problem(SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        String base = code == null ? null : code.name().replaceAll("_[A-Z0-9_]*$", "");
        if (code == SQLiteErrorCode.SQLITE_NOTADB || e.getMessage() != null && e.getMessage().contains("not a database")) {
            return new HistoryException(file + ": not a mwconform history (not an SQLite database); it is left as it is: "
                    + "move it away to start a new history");
        }
        if (code != null && code.name().startsWith("SQLITE_CORRUPT")) {
            return new HistoryException(file + ": the history file is corrupt (" + oneLine(e) + "); it is left as it is: "
                    + "move it away to start a new history, or restore it from a CI cache");
        }
        if (code != null && (code.name().startsWith("SQLITE_BUSY") || code.name().startsWith("SQLITE_LOCKED"))) {
            return new HistoryException(file + ": another process held the history's lock for over "
                    + BUSY_TIMEOUT_MILLIS / 1000 + " s; nothing was recorded");
        }
        return new HistoryException(file + ": " + (base == null ? "" : base + ": ") + oneLine(e));
    }

    private static void rollback(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction left open: SQLite rolled it back itself
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement p : prepared.values()) {
                p.close();
            }
            db.close();
        } catch (SQLException ignored) {
            // closing: nothing is pending (every write committed or rolled back)
        }
    }
}
