package com.migochat.migrations.instances;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's version, written into {@code migochat-release.properties} by the build. */
final class ReleaseVersion {

  static final String RESOURCE = "migochat-release.properties";

  private ReleaseVersion() {}

  /** The version the build recorded; "unknown" when the file is missing (e.g. an IDE build). */
  static String current() {
    Properties release = new Properties();
    try (InputStream in = ReleaseVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in != null) {
        release.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return release.getProperty("version", "unknown");
  }
}
