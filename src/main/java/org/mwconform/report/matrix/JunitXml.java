package org.mwconform.report.matrix;

import org.mwconform.expectations.Outcome;
import org.mwconform.report.DeploymentResult;
import org.mwconform.report.RunReport;
import org.mwconform.report.ScenarioResult;

import java.util.List;
import java.util.Map;

/**
 * The run as JUnit XML for CI: one {@code <testsuite>} per deployment, one {@code <testcase>} per
 * scenario ({@code classname} = feature, {@code name} = "scenario [id]").
 * <ul>
 *   <li>failed, stale-expectation: {@code <failure>} with the reason;</li>
 *   <li>error: {@code <error>} with the reason;</li>
 *   <li>not-applicable: {@code <skipped type="not-applicable" message="not-applicable: evidence"/>};</li>
 *   <li>known-deviation: {@code <skipped type="known-deviation" message="known-deviation: reason">}, the way
 *       pytest reports an expected failure (xfail): reviewed, not a pass and not a failure, shown as such;
 *       Allure shows it as skipped in the category "Known deviations" ({@code report.allure.AllureResults}).</li>
 * </ul>
 * Each element's {@code type} is the outcome's word, so the three reports name every outcome the same way.
 */
public final class JunitXml {

    private JunitXml() {
    }

    public static String render(RunReport report) {
        List<DeploymentResult> deployments = report.deployments() == null ? List.of() : report.deployments();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (DeploymentResult d : deployments) {
            Map<Outcome, Integer> c = DeploymentResult.count(d.results());
            tests += d.results().size() + (d.regressionList().isEmpty() ? 0 : 1);
            failures += c.get(Outcome.FAILED) + c.get(Outcome.STALE_EXPECTATION) + (d.regressionList().isEmpty() ? 0 : 1);
            errors += c.get(Outcome.ERROR);
            skipped += c.get(Outcome.NOT_APPLICABLE) + c.get(Outcome.KNOWN_DEVIATION);
        }
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"").append(attr("mwconform run " + report.run().id())).append('"')
                .append(" tests=\"").append(tests).append('"')
                .append(" failures=\"").append(failures).append('"')
                .append(" errors=\"").append(errors).append('"')
                .append(" skipped=\"").append(skipped).append('"')
                .append(" time=\"").append(report.run().durationSeconds()).append('"');
        if (report.run().startedAt() != null) {
            x.append(" timestamp=\"").append(attr(report.run().startedAt())).append('"');
        }
        x.append(">\n");
        for (DeploymentResult d : deployments) {
            suite(x, report, d);
        }
        x.append("</testsuites>\n");
        return x.toString();
    }

    private static void suite(StringBuilder x, RunReport report, DeploymentResult d) {
        Map<Outcome, Integer> c = DeploymentResult.count(d.results());
        int regressed = d.regressionList().isEmpty() ? 0 : 1;
        x.append("  <testsuite name=\"").append(attr(d.name())).append('"')
                .append(" tests=\"").append(d.results().size() + regressed).append('"')
                .append(" failures=\"").append(c.get(Outcome.FAILED) + c.get(Outcome.STALE_EXPECTATION) + regressed).append('"')
                .append(" errors=\"").append(c.get(Outcome.ERROR)).append('"')
                .append(" skipped=\"").append(c.get(Outcome.NOT_APPLICABLE) + c.get(Outcome.KNOWN_DEVIATION)).append('"');
        if (report.run().startedAt() != null) {
            x.append(" timestamp=\"").append(attr(report.run().startedAt())).append('"');
        }
        x.append(">\n");
        x.append("    <properties>\n");
        property(x, "run", report.run().id());
        property(x, "target", d.target());
        property(x, "mediawikiVersion", d.mediawikiVersion());
        property(x, "extensions", d.extensions() == null ? null : String.join(", ", d.extensions()));
        property(x, "writable", String.valueOf(d.writable()));
        property(x, "allureReport", d.allureReport());
        x.append("    </properties>\n");
        for (ScenarioResult r : d.results()) {
            testcase(x, r);
        }
        if (regressed > 0) {
            // Not applicable is not passed: what makes the run unexpected though no single scenario failed.
            String all = String.join("\n", d.regressionList());
            x.append("    <testcase classname=\"mwconform\" name=\"applicability [").append(attr(d.name())).append("]\">\n")
                    .append("      <failure type=\"regression\" message=\"").append(attr("regression: " + d.regressionList().get(0)))
                    .append("\">").append(text(all)).append("</failure>\n    </testcase>\n");
        }
        x.append("  </testsuite>\n");
    }

    private static void testcase(StringBuilder x, ScenarioResult r) {
        String name = (r.scenario() == null ? "" : r.scenario()) + (r.id() == null ? "" : " [" + r.id() + "]");
        x.append("    <testcase classname=\"").append(attr(r.feature())).append("\" name=\"").append(attr(name)).append('"');
        String reason = r.reason() == null ? "" : r.reason();
        String body = reason
                + (r.condition() == null ? "" : "\ncondition: " + r.condition())
                + (r.evidence() == null ? "" : "\nevidence: " + r.evidence());
        switch (r.outcome()) {
            case PASSED -> x.append("/>\n");
            case KNOWN_DEVIATION, NOT_APPLICABLE -> x.append(">\n      <skipped type=\"").append(r.outcome().label())
                    .append("\" message=\"").append(attr(r.outcome().label() + ": " + reason)).append("\">")
                    .append(text(body)).append("</skipped>\n    </testcase>\n");
            case FAILED, STALE_EXPECTATION -> x.append(">\n      <failure type=\"").append(r.outcome().label())
                    .append("\" message=\"").append(attr(r.outcome().label() + ": " + reason)).append("\">")
                    .append(text(body)).append("</failure>\n    </testcase>\n");
            case ERROR -> x.append(">\n      <error type=\"error\" message=\"").append(attr(reason)).append("\">")
                    .append(text(body)).append("</error>\n    </testcase>\n");
        }
    }

    private static void property(StringBuilder x, String name, String value) {
        if (value != null) {
            x.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value)).append("\"/>\n");
        }
    }

    /** Character data: markup escaped, characters XML 1.0 cannot hold replaced by U+FFFD. */
    static String text(String s) {
        return escape(s, false);
    }

    /** An attribute value in double quotes; line breaks and tabs kept as character references. */
    static String attr(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                default -> {
                    boolean legal = cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
                    if (legal) {
                        b.appendCodePoint(cp);
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }
}
