package com.migochat.it.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Payara Server domain of its own, under {@code target/}, on the port base it is given (a free
 * one: see migochat-testkit's FreePorts): created, started with the given environment, and on
 * {@link #close()} stopped and deleted. Every asadmin call is bounded in time and its output goes
 * into the exception when it fails.
 */
final class PayaraServerDomain implements AutoCloseable {

  private static final Duration ASADMIN_LIMIT = Duration.ofSeconds(240);

  private final Path payaraHome;
  private final Path domainsDir;
  private final String name;
  private final int portBase;
  private boolean started;

  private PayaraServerDomain(Path payaraHome, Path domainsDir, String name, int portBase) {
    this.payaraHome = payaraHome;
    this.domainsDir = domainsDir;
    this.name = name;
    this.portBase = portBase;
  }

  /** Creates the domain; admin port is {@code portBase + 48}, HTTP port {@code portBase + 80}. */
  static PayaraServerDomain create(Path payaraHome, Path domainsDir, String name, int portBase) {
    PayaraServerDomain domain = new PayaraServerDomain(payaraHome, domainsDir, name, portBase);
    domain.deleteFolder();
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

  /** Starts the domain; its server JVM inherits {@code environment}. */
  void start(Map<String, String> environment) {
    started = true;
    asadmin(environment, "start-domain", "--domaindir", domainsDir.toString(), name);
  }

  /** Deploys an archive and returns how long asadmin took. */
  Duration deploy(Path archive, String applicationName) {
    long begin = System.nanoTime();
    asadmin(
        Map.of(),
        "--port",
        Integer.toString(adminPort()),
        "deploy",
        "--name",
        applicationName,
        archive.toString());
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  int httpPort() {
    return portBase + 80;
  }

  int adminPort() {
    return portBase + 48;
  }

  Path serverLog() {
    return domainsDir.resolve(name).resolve("logs").resolve("server.log");
  }

  @Override
  public void close() {
    try {
      if (started) {
        asadmin(Map.of(), "stop-domain", "--kill", "--domaindir", domainsDir.toString(), name);
      }
    } finally {
      deleteFolder();
    }
  }

  private String asadmin(Map<String, String> environment, String... arguments) {
    Path cli = payaraHome.resolve("glassfish/lib/client/appserver-cli.jar");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", cli.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.environment().put("AS_JAVA", Path.of(java).getParent().getParent().toString());
    try {
      Path output = Files.createTempFile("asadmin", ".log");
      Process process = builder.redirectOutput(output.toFile()).start();
      boolean finished = process.waitFor(ASADMIN_LIMIT.toSeconds(), TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      Files.delete(output);
      if (!finished || process.exitValue() != 0) {
        throw new IllegalStateException(
            "asadmin "
                + String.join(" ", arguments)
                + " failed"
                + (finished ? "" : " (timed out)")
                + ":\n"
                + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run asadmin " + arguments[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during asadmin " + arguments[0], e);
    }
  }

  private void deleteFolder() {
    Path folder = domainsDir.resolve(name);
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the domain folder " + folder, e);
    }
  }
}
