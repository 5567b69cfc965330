package io.github.scrfd4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version Maven recorded in the jar, and the Java runtime. */
final class VersionProvider implements IVersionProvider {
    // maven-jar-plugin always adds this file; the manifest carries no Implementation-Version.
    private static final String POM_PROPERTIES = "/META-INF/maven/io.github.scrfd4j/scrfd4j-cli/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"scrfd4j " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall through: a version string is not worth failing --version for
        }
        return "(development build)";
    }
}
