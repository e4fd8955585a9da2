package org.mwconform.report.matrix;

import org.junit.jupiter.api.Test;
import org.mwconform.report.RunReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwconform.expectations.Outcome.ERROR;
import static org.mwconform.expectations.Outcome.FAILED;
import static org.mwconform.expectations.Outcome.KNOWN_DEVIATION;
import static org.mwconform.expectations.Outcome.NOT_APPLICABLE;
import static org.mwconform.expectations.Outcome.PASSED;
import static org.mwconform.expectations.Outcome.STALE_EXPECTATION;
import static org.mwconform.report.matrix.Runs.deployment;
import static org.mwconform.report.matrix.Runs.result;
import static org.mwconform.report.matrix.Runs.run;
import static org.mwconform.report.matrix.Runs.unreachable;

class JunitXmlTest {
    private static final String NASTY = "expected \"<b>\" & 'x' ]]> </failure><injected/>\u0001\uD800 line\nbreak\ttab";

    @Test
    void aRegressionOfApplicabilityIsAFailedCase() throws Exception {
        RunReport report = run("20261122T101500abc", deployment("local-closed", result("badretype", NOT_APPLICABLE, "@needs:anonymous-creation: lack"))
                .withRegressions(java.util.List.of("1 scenario(s) judged in the previous comparable run (r1) are not applicable now: badretype")));
        Document xml = parse(JunitXml.render(report));
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("regression");
        assertThat(failure.getAttribute("message")).contains("are not applicable now: badretype");
    }

    @Test
    void oneSuitePerDeploymentOneCasePerScenario() throws Exception {
        RunReport report = run("20261122T101500abc",
                deployment("local-captcha",
                        result("token-issued", PASSED),
                        result("badretype", FAILED, NASTY),
                        result("notoken", KNOWN_DEVIATION, "missingparam, not notoken"),
                        result("create-account-pass", NOT_APPLICABLE, "authmanagerinfo asks for captchaWord"),
                        result("gone", STALE_EXPECTATION, "no scenario has the id 'gone'"),
                        result("get-request", ERROR, "the wiki answered HTML")),
                unreachable("local-broken", "cannot reach <http://127.0.0.1:9/api.php>"));
        Document xml = parse(JunitXml.render(report));

        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("7");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("2");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");

        NodeList suites = xml.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        Element captcha = (Element) suites.item(0);
        assertThat(captcha.getAttribute("name")).isEqualTo("local-captcha");
        assertThat(captcha.getAttribute("tests")).isEqualTo("6");
        assertThat(captcha.getAttribute("failures")).isEqualTo("2");
        assertThat(captcha.getAttribute("errors")).isEqualTo("1");
        assertThat(captcha.getAttribute("skipped")).isEqualTo("2");

        NodeList cases = captcha.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(6);
        Element passed = (Element) cases.item(0);
        assertThat(passed.getAttribute("classname")).isEqualTo("Feature of token-issued");
        assertThat(passed.getAttribute("name")).isEqualTo("Scenario token-issued [token-issued]");
        assertThat(passed.getChildNodes().getLength()).isZero();

        Element failed = (Element) cases.item(1);
        Element failure = only(failed, "failure");
        String expected = "expected \"<b>\" & 'x' ]]> </failure><injected/>\uFFFD\uFFFD line\nbreak\ttab";
        assertThat(failure.getAttribute("type")).isEqualTo("failed");
        assertThat(failure.getAttribute("message")).isEqualTo("failed: " + expected);
        assertThat(failure.getTextContent()).startsWith(expected).contains("condition: api.error-code");
        assertThat(xml.getElementsByTagName("injected").getLength()).isZero();

        Element deviation = (Element) cases.item(2);
        assertThat(deviation.getElementsByTagName("failure").getLength()).isZero();
        Element expectedFailure = only(deviation, "skipped");
        assertThat(expectedFailure.getAttribute("type")).isEqualTo("known-deviation");
        assertThat(expectedFailure.getAttribute("message")).isEqualTo("known-deviation: missingparam, not notoken");
        assertThat(expectedFailure.getTextContent()).contains("condition: api.error-code");

        Element notApplicable = only((Element) cases.item(3), "skipped");
        assertThat(notApplicable.getAttribute("type")).isEqualTo("not-applicable");
        assertThat(notApplicable.getAttribute("message")).isEqualTo("not-applicable: authmanagerinfo asks for captchaWord");
        assertThat(only((Element) cases.item(4), "failure").getAttribute("type")).isEqualTo("stale-expectation");
        assertThat(only((Element) cases.item(5), "error").getAttribute("message")).isEqualTo("the wiki answered HTML");

        Element broken = (Element) suites.item(1);
        Element preflight = (Element) broken.getElementsByTagName("testcase").item(0);
        assertThat(preflight.getAttribute("classname")).isEqualTo("Preflight");
        assertThat(preflight.getAttribute("name")).isEqualTo("The target answers the Action API [preflight]");
        assertThat(only(preflight, "error").getAttribute("message")).isEqualTo("cannot reach <http://127.0.0.1:9/api.php>");
    }

    private static Element only(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        assertThat(list.getLength()).as(tag + " in " + parent.getAttribute("name")).isEqualTo(1);
        return (Element) list.item(0);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
