package org.mwconform.report.matrix;

import org.mwconform.expectations.Outcome;

import java.util.List;

/**
 * What the matrix template ({@code matrix.jte} and its parts beside it) shows: every decision is made here, in
 * {@link MatrixPage}; the template only lays it out. Values are plain text, escaped by the template engine.
 * Flags that end up in {@code data-*} attributes are the text "true"/"false".
 */
final class MatrixModel {
    static final String NOT_RUN = "not run";
    static final String NOT_RUN_SYMBOL = "\u25cb";   // ○

    private MatrixModel() {
    }

    record Page(Header header, String styleHash, String scriptHash, String css, String script, List<Summary> summaries,
                Changes changes, List<VersionComparison.Pair> versions, List<LegendItem> legend, String notRunMeaning,
                boolean compared, List<Column> columns, int rowCount, PreflightRow preflight, List<Feature> features,
                String dataJson, HistoryModel.Timelines history) {
    }

    /** {@code startedAt} is the instant as written in results.json, {@code started} the same for people. */
    record Header(String runId, String startedAt, String started, String wallTime, String tags, String harness) {
    }

    /** An outcome's symbol and word. */
    record Badge(String label, String symbol) {
        static Badge of(Outcome o) {
            return new Badge(o.label(), MatrixPage.SYMBOLS.get(o));
        }
    }

    /** One deployment's summary line; {@code preflightError} is null when its preflight passed. */
    record Summary(String deployment, boolean ok, int passed, int failed, int notApplicable, int knownDeviation,
                   int staleExpectation, int error, String counts, String documented, String beyondDocs,
                   List<ExtensionCount> extensions, List<String> flags, List<String> regressions, String postsLine,
                   String preflightError) {
    }

    /** An extension's own scenarios on one deployment ({@code @extension:NAME}), counted apart from the page's contract. */
    record ExtensionCount(String extension, String counts) {
    }

    /** The comparison with the previous run; {@code previousRunId} is null when there is none. */
    record Changes(String previousRunId, String previousLink, String previousStarted, String countLine, List<Change> headline,
                   List<Change> scenarios, boolean foldScenarios) {
        static Changes none() {
            return new Changes(null, null, null, null, List.of(), List.of(), false);
        }
    }

    /** One change; {@code rowId} links the scenario's row when it is on the page; badges are null where they do not apply. */
    record Change(Type type, String kind, String deployment, String rowId, String scenario, String key, Badge before, Badge after,
                  String what) {
        enum Type { OUTCOME_CHANGED, SCENARIO_ADDED, SCENARIO_REMOVED, OTHER }
    }

    record LegendItem(Badge badge, String meaning) {
    }

    /** A column head; null members are left out ({@code description}, {@code extensionsTitle}, {@code allureReport}, {@code sincePrevious}). */
    record Column(String name, String description, String version, String captcha, String extensions, String extensionsTitle, String target,
                  String allureReport, boolean preflightError, String sincePrevious) {
    }

    record PreflightRow(String key, List<TableCell> cells) {
    }

    /** {@code extension}: the extension whose feature it is ({@code @extension:NAME}), null for the core contract. */
    record Feature(String name, String extension, List<Row> rows) {
    }

    /** {@code attention} and {@code changed} are "true"/"false"; {@code contract} is "documented", "beyond-docs" or "extension". */
    record Row(String rowId, String key, String attention, String changed, String contract, String scenario, String id,
               boolean beyondDocs, List<TableCell> cells) {
    }

    sealed interface TableCell permits Judged, NotRun, Answered {
    }

    /**
     * A judged result; {@code title}, {@code condition}, {@code reason} and {@code was} are null when not shown,
     * {@code historyStrip} without a history.
     */
    record Judged(String cellId, Badge badge, boolean changed, String deployment, String key, String title, String condition,
                  String reason, String was, HistoryModel.Strip historyStrip) implements TableCell {
    }

    record NotRun(String deployment, String key, String why) implements TableCell {
    }

    /** The preflight row's cell of a deployment that answered; {@code mediawikiVersion} may be null. */
    record Answered(String deployment, String mediawikiVersion) implements TableCell {
    }
}
