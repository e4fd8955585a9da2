package org.mwconform.expectations;

/**
 * A reviewed difference between the documentation and one deployment: the scenario keeps the
 * documented expectation, and this entry says which condition fails there and why.
 */
public record KnownDeviation(String scenario, String condition, String reason, String link) {
}
