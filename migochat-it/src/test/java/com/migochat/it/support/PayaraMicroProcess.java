package com.migochat.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro started as a plain process, for tests that must read its log or run several
 * instances. It is stopped by {@link #close()}, and by a shutdown hook should the test JVM end
 * first.
 */
public final class PayaraMicroProcess implements AutoCloseable {

  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(240);

  private final Process process;
  private final Path log;
  private final int port;
  private final Thread stopOnExit;

  private PayaraMicroProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.stopOnExit = new Thread(process::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * Starts Micro with the WAR and waits until it is ready (or gave up): its log says "ready in"
   * once every application deployed, whether or not the application is healthy.
   */
  public static PayaraMicroProcess start(Path war, int port, MicroSettings settings, Path folder) {
    PayaraMicroProcess micro = launch(war, port, settings, folder);
    micro.awaitReady();
    return micro;
  }

  /**
   * Starts Micro with the WAR and returns at once, so that several can boot at the same time; then
   * {@link #awaitReady()} on each.
   */
  public static PayaraMicroProcess launch(Path war, int port, MicroSettings settings, Path folder) {
    try {
      Files.createDirectories(folder);
      Path properties = settings.writeTo(folder.resolve("micro-" + port + ".properties"));
      Path log = folder.resolve("micro-" + port + ".log");
      String java = ProcessHandle.current().info().command().orElse("java");
      Process process =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx512m",
                      "-XX:+UseSerialGC",
                      "-Djava.io.tmpdir=" + folder.toAbsolutePath(),
                      "-jar",
                      Artifacts.payaraMicroJar().toString(),
                      "--nocluster",
                      "--port",
                      Integer.toString(port),
                      "--systemproperties",
                      properties.toAbsolutePath().toString(),
                      "--deploy",
                      war.toAbsolutePath().toString()))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new PayaraMicroProcess(process, log, port);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Payara Micro", e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/migochat/";
  }

  public String healthUrl() {
    return "http://127.0.0.1:" + port + "/health/";
  }

  /** Everything Micro logged so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + log, e);
    }
  }

  /** Waits until Micro logged "ready in" (whether or not the application is healthy). */
  public void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      String text = log();
      if (text.contains("Payara Micro") && text.contains(" ready in ")) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited during startup. Log:\n" + text);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("Interrupted while Payara Micro started", e);
      }
    }
    close();
    throw new IllegalStateException(
        "Payara Micro was not ready after " + STARTUP_LIMIT + ". Log:\n" + log());
  }

  /** Kills Micro at once, as {@code kill -9} does: no shutdown hook, no cleanup. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting; the hook stops the process.
    }
  }
}
