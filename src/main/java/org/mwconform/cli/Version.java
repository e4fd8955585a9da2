package org.mwconform.cli;

import org.mwconform.run.*;
import picocli.CommandLine;

/** {@code --version}: the harness's version from its jar's manifest, and the Java running it. */
final class Version implements CommandLine.IVersionProvider {

    static String harness() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[]{"mwconform " + harness(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
