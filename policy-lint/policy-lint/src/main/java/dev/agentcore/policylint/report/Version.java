package dev.agentcore.policylint.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** policy-lint's version, from the build. */
public final class Version {

    private Version() {
    }

    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/agentcore/policylint/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
