package com.migochat.testkit;

import java.nio.file.Path;
import java.util.Map;

/**
 * What to start Payara Micro with; {@link PayaraMicroProcess} starts it.
 *
 * @param microJar Payara Micro's jar
 * @param folder where its log, its settings file and its temporary files go
 * @param war the WAR to deploy, or null for a bare server
 * @param systemProperties the settings its applications read (see {@link SystemPropertiesFile})
 */
public record MicroLaunch(
    Path microJar, Path folder, Path war, Map<String, String> systemProperties) {

  public MicroLaunch {
    microJar = microJar.toAbsolutePath();
    folder = folder.toAbsolutePath();
    war = war == null ? null : war.toAbsolutePath();
    systemProperties = Map.copyOf(systemProperties);
  }

  /** A bare Payara Micro from {@code microJar}, with no settings. */
  public static MicroLaunch of(Path microJar, Path folder) {
    return new MicroLaunch(microJar, folder, null, Map.of());
  }

  /** The same, deploying {@code war}. */
  public MicroLaunch deploying(Path war) {
    return new MicroLaunch(microJar, folder, war, systemProperties);
  }

  /** The same, with these settings instead. */
  public MicroLaunch withSystemProperties(Map<String, String> values) {
    return new MicroLaunch(microJar, folder, war, values);
  }

  /**
   * The context root Payara Micro deploys the WAR at: its file name without {@code .war}, as {@code
   * migochat} for {@code migochat.war}.
   */
  public String contextRoot() {
    if (war == null) {
      throw new IllegalStateException(
          "This Payara Micro deploys nothing, so it has no application URL; deploy a WAR first");
    }
    return war.getFileName().toString().replaceFirst("\\.war$", "");
  }
}
