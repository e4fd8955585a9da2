package org.mwconform.report;

import org.mwconform.client.Exchange;
import org.mwconform.conditions.CheckedCondition;

import java.util.List;

/**
 * What a scenario saw, masked: why it applied, what was checked, every request and response.
 * Attached to the scenario, so Allure shows it and the results carry it.
 *
 * @param stepRequests how many of the exchanges the scenario's steps sent, after its applicability was decided
 */
public record Evidence(String deployment, List<String> applicability, List<CheckedCondition> conditions,
                       List<Exchange> exchanges, int stepRequests) {
    public static final String ATTACHMENT_NAME = "mwconform-evidence";

    public Evidence(String deployment, List<String> applicability, List<CheckedCondition> conditions, List<Exchange> exchanges) {
        this(deployment, applicability, conditions, exchanges, 0);
    }
}
