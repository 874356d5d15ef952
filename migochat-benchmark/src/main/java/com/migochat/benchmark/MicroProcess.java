package com.migochat.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process started by this JVM, with {@code run.sh}'s JVM flags, on a free port
 * below the ephemeral range, its output in a log file. Closing it stops that process: politely,
 * then forcibly after a timeout.
 */
final class MicroProcess implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final Path log;
  private final long startedNanos;

  private MicroProcess(Process process, int port, Path log, long startedNanos) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.startedNanos = startedNanos;
  }

  /**
   * Starts Payara Micro from {@code microJar} with {@code deploy} appended to its arguments and
   * {@code env} added to its environment; its temporary files and log go to {@code folder}.
   */
  static MicroProcess start(
      Path microJar, Path folder, List<String> deploy, Map<String, String> env) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-Djava.io.tmpdir=" + folder,
            "-jar",
            microJar.toString(),
            "--nocluster",
            "--port",
            Integer.toString(port)));
    command.addAll(deploy);
    Files.createDirectories(folder);
    Path log = Files.createTempFile(folder, "micro", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    long started = System.nanoTime();
    return new MicroProcess(builder.start(), port, log, started);
  }

  int port() {
    return port;
  }

  /** Where the process writes its output. */
  Path log() {
    return log;
  }

  /** {@link System#nanoTime()} just before the process was started. */
  long startedNanos() {
    return startedNanos;
  }

  /**
   * Polls {@code path} until it answers, with a 200 if {@code needs200}, and returns {@link
   * System#nanoTime()} when it did; fails if the process exits or {@code limit} passes first.
   */
  long awaitAnswer(String path, boolean needs200, Duration limit) throws InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    long deadline = startedNanos + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited while booting (exit "
                + process.exitValue()
                + "); its log: "
                + log);
      }
      Integer status = status(uri);
      if (status != null && (!needs200 || status == 200)) {
        return System.nanoTime();
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(
        "Payara Micro did not answer " + uri + " within " + limit + "; its log: " + log);
  }

  /** Stops the process: destroy, then destroy forcibly if it has not exited in time. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /**
   * The status of one GET on a fresh connection, or null while nothing answers. No connection is
   * kept: one that a server still starting accepted and then dropped could hang every later poll.
   */
  private static Integer status(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(2000);
      connection.setRequestProperty("Connection", "close");
      try {
        return connection.getResponseCode();
      } finally {
        connection.disconnect();
      }
    } catch (IOException notYet) {
      return null;
    }
  }

  /**
   * A free port below Linux's ephemeral range: polling a free port inside that range can connect
   * the client to itself, and the boot would then never seem to answer.
   */
  private static int freePort() {
    for (int port = 28300; port < 28400; port++) {
      try (ServerSocket socket = new ServerSocket(port)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // Try the next one.
      }
    }
    throw new UncheckedIOException(new IOException("No free port in 28300-28399 for Payara Micro"));
  }
}
