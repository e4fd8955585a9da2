package org.mwconform.history;

import org.mwconform.expectations.Outcome;
import org.mwconform.files.AtomicFiles;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.ScenarioResult;
import org.mwconform.report.matrix.ScenarioKeys;

import java.nio.file.Path;

/**
 * A deployment's badge: a small SVG a README or wiki page embeds ("conforms", "conforms, 3 known deviations",
 * "3 unexpected", "preflight error"), written to {@code reports/badges/<deployment>.svg}, a path that stays put
 * from run to run. It speaks of the documented contract and of everything unexpected, as the console does.
 */
public final class Badge {
    public static final String FOLDER = "badges";

    /** @param colour the message's background */
    public record Text(String label, String message, String colour) {
    }

    private Badge() {
    }

    public static Text of(DeploymentResult d) {
        String label = "mwconform " + d.name();
        if (ScenarioKeys.isPreflightError(d)) {
            return new Text(label, "preflight error", "#9f3a38");
        }
        long unexpected = d.results().stream().filter(r -> !r.outcome().isExpected()).count();
        if (unexpected > 0) {
            return new Text(label, unexpected + " unexpected", "#c0392b");
        }
        long deviations = d.results().stream().filter(r -> !DeploymentResult.beyondDocs(r))
                .map(ScenarioResult::outcome).filter(o -> o == Outcome.KNOWN_DEVIATION).count();
        return deviations == 0 ? new Text(label, "conforms", "#2e7d32")
                : new Text(label, "conforms, " + deviations + " known deviation" + (deviations == 1 ? "" : "s"), "#8a6d00");
    }

    /**
     * Writes the badge of {@code d} into {@code folder} (whole, renamed over the old one: {@link AtomicFiles}) and returns it.
     *
     * @throws org.mwconform.files.CannotWriteException when it cannot be written
     */
    public static Path write(Path folder, DeploymentResult d) {
        return AtomicFiles.writeString(folder.resolve(safeName(d.name()) + ".svg"), svg(of(d)));
    }

    static String safeName(String deployment) {
        return deployment.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The usual flat two-part badge; widths estimated from the text (about 6.5 px a character in 11 px Verdana). */
    public static String svg(Text t) {
        int left = width(t.label());
        int right = width(t.message());
        int total = left + right;
        String label = esc(t.label());
        String message = esc(t.message());
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + total + "\" height=\"20\" role=\"img\" aria-label=\""
                + label + ": " + message + "\">"
                + "<title>" + label + ": " + message + "</title>"
                + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
                + "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
                + "<clipPath id=\"r\"><rect width=\"" + total + "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
                + "<g clip-path=\"url(#r)\"><rect width=\"" + left + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + t.colour() + "\"/>"
                + "<rect width=\"" + total + "\" height=\"20\" fill=\"url(#s)\"/></g>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">"
                + "<text x=\"" + left / 2.0 + "\" y=\"14\">" + label + "</text>"
                + "<text x=\"" + (left + right / 2.0) + "\" y=\"14\">" + message + "</text></g></svg>\n";
    }

    private static int width(String text) {
        return (int) Math.ceil(text.length() * 6.5) + 12;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
