package org.mwconform.report.matrix;

import java.util.List;

/**
 * What the history's templates show ({@code strip.jte} in each cell, {@code timelines.jte} on the matrix page, and
 * {@code history.jte}, the cell history page): {@link HistoryStrips} decides it all from the history file, the
 * templates only lay it out. Values are plain text, escaped by the template engine.
 */
final class HistoryModel {
    private HistoryModel() {
    }

    /**
     * One cell's strip: {@code past} its earlier outcomes, oldest first, {@code now} this run's; {@code outcomes} the
     * same as one space-separated word list, {@code title} the strip's text (its tooltip and accessible name).
     */
    record Strip(String href, boolean flaky, int runs, String outcomes, String title, List<String> past, String now) {
    }

    /** A run's name, a link to its matrix page when that page exists ({@code href} is null when not). */
    record RunLink(String run, String href) {
    }

    /** The history section of the matrix page; {@code problem} is set (and nothing else) when the history could not be read. */
    record Timelines(String problem, int runsRecorded, String historyFile, String page, List<Timeline> deployments) {
        static Timelines unreadable(String problem) {
            return new Timelines(problem, 0, null, null, List.of());
        }
    }

    /** One deployment's facts, run by run; {@code noFacts} when no recorded run (this one included) has any. */
    record Timeline(String deployment, List<FactsEntry> entries, boolean noFacts) {
    }

    /** What a deployment was in one run ({@code first}) or what changed then; {@code link} is null for this run. */
    record FactsEntry(boolean first, String run, RunLink link, String changes) {
    }

    /** The cell history page; {@code css} is its own style sheet, whose hash the Content-Security-Policy names. */
    record Page(String styleHash, String css, String generator, String runId, String matrix, String page, List<CellSection> cells) {
    }

    /** One cell's section; {@code anchor} is its permalink's fragment. */
    record CellSection(String anchor, String deployment, String key, String scenario, boolean flaky, List<RunsRow> rows) {
    }

    /**
     * One line of a cell's runs, newest first: this run ({@code newest} is null), one run ({@code oldest} is null), or
     * {@code count} runs in a row from {@code oldest} to {@code newest} with the same result. {@code word} is the
     * outcome as shown; {@code condition} is null when there is none.
     */
    record RunsRow(RunLink newest, RunLink oldest, int count, String outcome, String symbol, String word, String condition,
                   String reason, String factsChanged) {
        boolean thisRun() {
            return newest == null;
        }
    }
}
