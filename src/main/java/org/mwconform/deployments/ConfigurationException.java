package org.mwconform.deployments;

/** Broken configuration: reported as one line naming the file and what is wrong, exit code 2. */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String oneLine) {
        super(oneLine);
    }
}
