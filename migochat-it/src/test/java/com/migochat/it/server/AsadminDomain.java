package com.migochat.it.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A domain of its own on a server run by {@code asadmin}, Payara Server or GlassFish, under {@code
 * target/}, on the port base it is given (a free one: see migochat-testkit's FreePorts): created,
 * started with the given environment, and on {@link #close()} stopped and deleted. Every asadmin
 * call is bounded in time and its output goes into the exception when it fails.
 */
final class AsadminDomain implements EarServer {

  private static final Duration ASADMIN_LIMIT = Duration.ofSeconds(240);

  private final String serverName;
  private final boolean readiness;
  private final Path home;
  private final Path domainsDir;
  private final String name;
  private final int portBase;
  private boolean started;

  private AsadminDomain(
      String serverName, boolean readiness, Path home, Path domainsDir, String name, int portBase) {
    this.serverName = serverName;
    this.readiness = readiness;
    this.home = home;
    this.domainsDir = domainsDir;
    this.name = name;
    this.portBase = portBase;
  }

  /**
   * Creates the domain {@code name} under {@code target/domains} with the server installed in
   * {@code home}; admin port is {@code portBase + 48}, HTTP port {@code portBase + 80}.
   *
   * @param serverName the server's name and version, for the logs
   * @param readiness whether the server serves MicroProfile Health
   */
  static AsadminDomain create(
      String serverName, boolean readiness, Path home, String name, int portBase) {
    Path domainsDir = Path.of("target", "domains").toAbsolutePath();
    AsadminDomain domain =
        new AsadminDomain(serverName, readiness, home, domainsDir, name, portBase);
    Folders.delete(domainsDir.resolve(name));
    domain.asadmin(
        Map.of(),
        "create-domain",
        "--nopassword",
        "--portbase",
        Integer.toString(portBase),
        "--domaindir",
        domainsDir.toString(),
        name);
    return domain;
  }

  @Override
  public String name() {
    return serverName;
  }

  @Override
  public void start(Map<String, String> environment) {
    started = true;
    asadmin(environment, "start-domain", "--domaindir", domainsDir.toString(), name);
  }

  /** Deploys with {@code asadmin deploy --force}, which redeploys; the time is asadmin's. */
  @Override
  public Duration deploy(Path ear) {
    long begin = System.nanoTime();
    asadmin(
        Map.of(),
        "--port",
        Integer.toString(portBase + 48),
        "deploy",
        "--force=true",
        "--name",
        "migochat",
        ear.toString());
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  @Override
  public int httpPort() {
    return portBase + 80;
  }

  @Override
  public boolean servesReadiness() {
    return readiness;
  }

  /**
   * Stops the domain with {@code stop-domain --kill}; when that fails (a domain still starting does
   * not answer), kills its JVM by the process id it wrote, so that nothing is left running.
   */
  @Override
  public void close() {
    Path folder = domainsDir.resolve(name);
    Optional<ProcessHandle> server = ServerProcess.fromPidFile(folder.resolve("config/pid"));
    try {
      if (started) {
        asadmin(Map.of(), "stop-domain", "--kill", "--domaindir", domainsDir.toString(), name);
      }
    } finally {
      server.ifPresent(ServerProcess::kill);
      Folders.delete(folder);
    }
  }

  private String asadmin(Map<String, String> environment, String... arguments) {
    String cli = home.resolve("glassfish/lib/client/appserver-cli.jar").toString();
    List<String> command = new ArrayList<>(List.of(CommandLine.java(), "-jar", cli));
    command.addAll(List.of(arguments));
    // GlassFish 7.0.20's start-domain gives up after 60 s unless told otherwise (in ms).
    return new CommandLine(Map.of("AS_START_TIMEOUT", Long.toString(ASADMIN_LIMIT.toMillis())))
        .run(environment, ASADMIN_LIMIT, command.toArray(String[]::new));
  }
}
