package com.migochat.it.server;

import com.migochat.testkit.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A WildFly server with {@code standalone-full.xml}, configured as the README says: EclipseLink
 * added to WildFly's module {@code org.eclipse.persistence} (this test's {@code
 * wildfly/module.xml}) and Jakarta Security's identities kept out of Elytron ({@code
 * integrated-jaspi=false}). Its configuration and files live in a server base folder of its own
 * under {@code target/}, on free ports; the EAR is deployed with {@code jboss-cli deploy --force},
 * which waits for the result.
 */
final class WildFlyServer implements EarServer {

  private static final Duration LIMIT = Duration.ofMinutes(4);
  private static final String MODULE = "modules/system/layers/base/org/eclipse/persistence/main";
  private static final String CONFIG = "standalone-full.xml";
  private static final List<String> SOCKETS =
      List.of(
          "ajp",
          "http",
          "https",
          "iiop",
          "iiop-ssl",
          "management-http",
          "management-https",
          "txn-recovery-environment",
          "txn-status-manager");

  private final Path home;
  private final Path base;
  private final int portBase = FreePorts.block(SOCKETS.size());
  private final ServerLog log;
  private Process launcher;

  /** Adds EclipseLink to the server in {@code home} and writes a server base folder. */
  WildFlyServer(Path home, Path eclipseLinkJar) {
    this.home = home;
    this.base = Path.of("target", "wildfly-migochat").toAbsolutePath();
    this.log = new ServerLog(base.resolve("log").resolve("server.log"));
    Folders.delete(base);
    try (InputStream module = getClass().getResourceAsStream("/wildfly/module.xml")) {
      Path folder = home.resolve(MODULE);
      Files.copy(
          eclipseLinkJar, folder.resolve("eclipselink.jar"), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(module, folder.resolve("module.xml"), StandardCopyOption.REPLACE_EXISTING);
      writeConfiguration();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare WildFly in " + home, e);
    }
  }

  @Override
  public String name() {
    return "WildFly 34.0.1.Final";
  }

  /** Starts {@code standalone.sh}, whose JVM writes its process id, and waits for WFLYSRV0025. */
  @Override
  public void start(Map<String, String> environment) {
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/standalone.sh").toString(),
                "-c",
                CONFIG,
                "-Djboss.server.base.dir=" + base,
                "-Declipselink.archive.factory=org.jipijapa.eclipselink.JBossArchiveFactoryImpl")
            .redirectErrorStream(true)
            .redirectOutput(base.resolve("console.log").toFile());
    builder.environment().putAll(environment);
    builder.environment().put("JAVA_HOME", CommandLine.javaHome());
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
    builder.environment().put("JBOSS_PIDFILE", pidFile().toString());
    try {
      launcher = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + home.resolve("bin/standalone.sh"), e);
    }
    log.awaitFrom(0, List.of("WFLYSRV0025"), List.of("WFLYSRV0026"), LIMIT);
  }

  /** Deploys with {@code deploy --force}, which redeploys; the time is jboss-cli's. */
  @Override
  public Duration deploy(Path ear) {
    long begin = System.nanoTime();
    cli("deploy " + ear + " --name=migochat.ear --force");
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  @Override
  public int httpPort() {
    return portOf("http");
  }

  /** {@code standalone-full.xml} has no MicroProfile Health for applications. */
  @Override
  public boolean servesReadiness() {
    return false;
  }

  /** Shuts the server down through jboss-cli; when that fails, kills its JVM by its pid file. */
  @Override
  public void close() {
    Optional<ProcessHandle> server = ServerProcess.fromPidFile(pidFile());
    try {
      if (launcher != null) {
        cli("shutdown");
      }
    } finally {
      server.ifPresent(ServerProcess::kill);
      if (launcher != null) {
        launcher.toHandle().descendants().forEach(ServerProcess::kill);
        ServerProcess.kill(launcher.toHandle());
      }
      Folders.delete(base);
    }
  }

  private void cli(String command) {
    new CommandLine(Map.of())
        .run(
            Map.of(),
            LIMIT,
            home.resolve("bin/jboss-cli.sh").toString(),
            "--controller=127.0.0.1:" + portOf("management-http"),
            "--connect",
            "--command=" + command);
  }

  private Path pidFile() {
    return base.resolve("server.pid");
  }

  private int portOf(String socket) {
    return portBase + SOCKETS.indexOf(socket);
  }

  /**
   * Copies the server's {@code standalone/configuration} into the base folder and, in its {@code
   * standalone-full.xml}, gives every socket a free port and turns {@code integrated-jaspi} off, as
   * the README's jboss-cli commands do.
   */
  private void writeConfiguration() throws IOException {
    Path configuration = Files.createDirectories(base.resolve("configuration"));
    try (Stream<Path> files = Files.list(home.resolve("standalone/configuration"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, configuration.resolve(file.getFileName()));
      }
    }
    Path config = configuration.resolve(CONFIG);
    String xml = Files.readString(config, StandardCharsets.UTF_8);
    for (String socket : SOCKETS) {
      xml = replaced(xml, "(<socket-binding name=\"" + socket + "\"[^>]*? port=\")[^\"]*", socket);
    }
    int undertow = xml.indexOf("<subsystem xmlns=\"urn:jboss:domain:undertow:");
    String domain =
        "<application-security-domain name=\"other\" security-domain=\"ApplicationDomain\"";
    int at = xml.indexOf(domain, Math.max(undertow, 0));
    if (undertow < 0 || at < 0) {
      throw new IllegalStateException(
          "No undertow application-security-domain 'other' in " + config);
    }
    xml =
        xml.substring(0, at + domain.length())
            + " integrated-jaspi=\"false\""
            + xml.substring(at + domain.length());
    Files.writeString(config, xml, StandardCharsets.UTF_8);
  }

  private String replaced(String xml, String regex, String socket) {
    Matcher matcher = Pattern.compile(regex).matcher(xml);
    if (!matcher.find()) {
      throw new IllegalStateException("No socket binding " + socket + " in " + CONFIG);
    }
    return matcher.replaceFirst("$1" + portOf(socket));
  }
}
