package org.mwconform.deployments;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The harness's own version, from the build (Maven filters {@code version.properties}). */
public final class HarnessVersion {
    private HarnessVersion() {
    }

    public static String get() {
        try (InputStream in = HarnessVersion.class.getResourceAsStream("/org/mwconform/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // falls through: an unknown version is still a valid User-Agent
        }
        return "dev";
    }
}
