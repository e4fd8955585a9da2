package org.example.acceptterms;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * {@code mvn test}: the core contract (in the harness's jar) and this extension's features, against the deployment
 * named by -Dmwconform.environment (set in the pom). Cucumber writes its message output; then
 * {@code mwconform report target/mwconform/messages.ndjson --env environments/accept-terms.yml} judges it.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("org.mwconform.features")  // the core contract in the harness's jar (a package selector: Cucumber warns at a resource one)
@SelectDirectories("src/test/resources/features")
@ConfigurationParameter(key = "cucumber.glue", value = "org.mwconform.steps,org.example.acceptterms")
@ConfigurationParameter(key = "cucumber.plugin", value = "message:target/mwconform/messages.ndjson")
@ConfigurationParameter(key = "cucumber.publish.quiet", value = "true")
public class RunConformanceTest {
}
