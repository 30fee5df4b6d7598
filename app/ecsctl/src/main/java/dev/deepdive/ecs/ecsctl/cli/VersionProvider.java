package dev.deepdive.ecs.ecsctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code ecsctl --version}: the project version from ecsctl-version.properties (a test keeps it equal to the pom's). */
public final class VersionProvider implements IVersionProvider {
  static final String RESOURCE = "ecsctl-version.properties";

  @Override
  public String[] getVersion() throws IOException {
    return new String[] {"ecsctl " + version()};
  }

  static String version() throws IOException {
    Properties props = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("resource " + RESOURCE + " is missing from the classpath");
      }
      props.load(in);
    }
    return props.getProperty("version");
  }
}
