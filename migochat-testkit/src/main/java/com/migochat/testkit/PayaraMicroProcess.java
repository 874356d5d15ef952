package com.migochat.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro started as a plain process on a free port (see {@link FreePorts}), with {@code
 * run.sh}'s JVM flags and without clustering, its output in {@code micro-<port>.log} of the
 * launch's folder. {@link #close()} stops it, politely and then forcibly, as does a shutdown hook
 * should this JVM end first, and deletes its settings file, which may hold passwords.
 */
public final class PayaraMicroProcess implements AutoCloseable {

  /**
   * JVM options added to every launch, from {@code migochat.testkit.micro-jvm-options} (separated
   * by spaces): the system tests start Payara Micro with C1 only, which halves its boot's CPU time;
   * the benchmark sets nothing, so it measures the JVM as {@code run.sh} starts it.
   */
  private static final List<String> EXTRA_JVM_OPTIONS =
      List.of(System.getProperty("migochat.testkit.micro-jvm-options", "").split(" ")).stream()
          .filter(option -> !option.isBlank())
          .toList();

  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(240);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
  private static final Duration LOG_POLL = Duration.ofMillis(250);

  private final Process process;
  private final MicroLaunch launch;
  private final int port;
  private final Path log;
  private final Path settings;
  private final long startedNanos;
  private final Thread stopOnExit;

  private PayaraMicroProcess(
      Process process, MicroLaunch launch, int port, Path log, Path settings, long startedNanos) {
    this.process = process;
    this.launch = launch;
    this.port = port;
    this.log = log;
    this.settings = settings;
    this.startedNanos = startedNanos;
    this.stopOnExit = new Thread(process::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** Starts Micro and waits until it is ready (see {@link #awaitReady()}). */
  public static PayaraMicroProcess start(MicroLaunch launch) {
    PayaraMicroProcess micro = launch(launch);
    micro.awaitReady();
    return micro;
  }

  /** Starts Micro and returns at once, so that several can boot at the same time. */
  public static PayaraMicroProcess launch(MicroLaunch launch) {
    int port = FreePorts.pick();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC"));
    command.addAll(EXTRA_JVM_OPTIONS);
    command.addAll(
        List.of(
            "-Djava.io.tmpdir=" + launch.folder(),
            "-jar",
            launch.microJar().toString(),
            "--nocluster",
            "--port",
            Integer.toString(port)));
    Path folder = launch.folder();
    Path settings = folder.resolve("micro-" + port + ".properties");
    if (!launch.systemProperties().isEmpty()) {
      SystemPropertiesFile.write(launch.systemProperties(), settings);
      command.addAll(List.of("--systemproperties", settings.toString()));
    }
    if (launch.war() != null) {
      command.addAll(List.of("--deploy", launch.war().toString()));
    }
    Path log = folder.resolve("micro-" + port + ".log");
    try {
      Files.createDirectories(folder);
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      long started = System.nanoTime();
      return new PayaraMicroProcess(builder.start(), launch, port, log, settings, started);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Payara Micro " + launch.microJar(), e);
    }
  }

  public int port() {
    return port;
  }

  /** The deployed application's root, e.g. {@code http://127.0.0.1:20123/migochat/}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/" + launch.contextRoot() + "/";
  }

  /** MicroProfile Health's root: append {@code ready}, {@code live} or {@code started}. */
  public String healthUrl() {
    return "http://127.0.0.1:" + port + "/health/";
  }

  /** The file Micro writes its output to. */
  public Path logFile() {
    return log;
  }

  /** Everything Micro logged so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + log, e);
    }
  }

  /** {@link System#nanoTime()} just before the process was started. */
  public long startedNanos() {
    return startedNanos;
  }

  /**
   * Waits until Micro logged "ready in": every application deployed, whether or not it is healthy.
   * Stops Micro and fails if it exits first or is not ready within four minutes.
   */
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
        Thread.sleep(LOG_POLL.toMillis());
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

  /**
   * Polls {@code path} until it answers, with a 200 if {@code needs200}, and returns {@link
   * System#nanoTime()} when it did; fails if the process exits or {@code limit} passes first,
   * counted from the start of the process.
   */
  public long awaitAnswer(String path, boolean needs200, Duration limit)
      throws InterruptedException {
    return HttpPoll.until(
        URI.create("http://127.0.0.1:" + port + path), needs200, startedNanos, limit, process, log);
  }

  /** Kills Micro at once, as {@code kill -9} does: no shutdown hook, no cleanup. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops Micro: destroy, then destroy forcibly if it has not exited in time. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
      Files.deleteIfExists(settings);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting; the hook stops the process.
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete Payara Micro's settings " + settings, e);
    }
  }
}
