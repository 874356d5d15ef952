package com.migochat.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put the artifacts under test (see the dependency plugin in this pom). */
public final class Artifacts {

  private static final Path DIR =
      Path.of(System.getProperty("migochat.it.artifacts", "target/artifacts"));

  private Artifacts() {}

  /** The flattened WAR that Payara Micro deploys. */
  public static Path microWar() {
    return existing(DIR.resolve("migochat.war"));
  }

  /** The EAR for Jakarta EE servers. */
  public static Path ear() {
    return existing(DIR.resolve("migochat.ear"));
  }

  public static Path payaraMicroJar() {
    return existing(DIR.resolve("payara-micro.jar"));
  }

  /** The unpacked Payara Server distribution. */
  public static Path payaraServerHome() {
    return existing(Path.of(System.getProperty("migochat.it.payara-home", "target/payara6")));
  }

  /** The unpacked GlassFish distribution. */
  public static Path glassFishHome() {
    return existing(Path.of(System.getProperty("migochat.it.glassfish-home", "target/glassfish7")));
  }

  /** The unpacked Open Liberty distribution. */
  public static Path libertyHome() {
    return existing(Path.of(System.getProperty("migochat.it.liberty-home", "target/wlp")));
  }

  /** The unpacked WildFly distribution. */
  public static Path wildFlyHome() {
    return existing(
        Path.of(System.getProperty("migochat.it.wildfly-home", "target/wildfly-34.0.1.Final")));
  }

  /** EclipseLink, which the README adds to WildFly (Payara, GlassFish and Liberty bundle it). */
  public static Path eclipseLinkJar() {
    return existing(DIR.resolve("eclipselink.jar"));
  }

  private static Path existing(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalStateException(
          path.toAbsolutePath()
              + " is missing: run the tests through Maven (mvn verify), which"
              + " builds and copies the artifacts first");
    }
    return path.toAbsolutePath();
  }
}
