package dev.lexis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version printed by {@code lexis --version}: the Maven project version, taken from
 * {@code dev/lexis/cli/version.properties}, which the build filters (it also records where the demo text
 * comes from).
 */
public final class LexisVersion {

    private static final String RESOURCE = "version.properties";

    /**
     * The project version, e.g. {@code 0.1.0-SNAPSHOT}.
     *
     * @return the version the build wrote into the resource
     * @throws IllegalStateException when the resource is missing or was not filtered by the build
     */
    public static String projectVersion() {
        return buildProperty("version");
    }

    /**
     * A value the build wrote into {@code dev/lexis/cli/version.properties}.
     *
     * @param key {@code version} or {@code demo.source} (the Maven coordinates of the demo text)
     * @return the value
     * @throws IllegalStateException when the resource or the key is missing, or was not filtered by the build
     */
    static String buildProperty(String key) {
        try (InputStream stream = LexisVersion.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("dev/lexis/cli/" + RESOURCE + " is missing from the class path;"
                        + " rebuild lexis-cli with Maven");
            }
            Properties properties = new Properties();
            properties.load(stream);
            String value = properties.getProperty(key, "");
            if (value.isBlank() || value.contains("${")) {
                throw new IllegalStateException("dev/lexis/cli/" + RESOURCE + " has no " + key + " (\"" + value
                        + "\"); rebuild lexis-cli with Maven, which fills it in");
            }
            return value.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("dev/lexis/cli/" + RESOURCE + ": cannot read it", e);
        }
    }

    private LexisVersion() {
    }

    /**
     * What {@code lexis --version} prints: the Lexis version, then the Java version, vendor and home.
     *
     * @return two lines
     * @throws IllegalStateException when the version resource is missing or was not filtered by the build
     */
    public static String[] lines() {
        return new String[] {
                "lexis " + projectVersion(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ", "
                        + System.getProperty("java.home", "?") + ")"
        };
    }
}
