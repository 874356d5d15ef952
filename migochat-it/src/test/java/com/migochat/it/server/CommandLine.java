package com.migochat.it.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a server's command-line tool (asadmin, Liberty's {@code server}, WildFly's CLI) with this
 * JVM's Java, bounded in time; when it fails, its whole output is in the exception.
 */
final class CommandLine {

  private final Map<String, String> environment;

  /** Commands run with {@code environment} added to this process's. */
  CommandLine(Map<String, String> environment) {
    this.environment = environment;
  }

  /** This JVM's {@code java} executable, whose home the tools are given as their Java. */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** The home of this JVM's Java, as {@code JAVA_HOME} for the servers' scripts. */
  static String javaHome() {
    return Path.of(java()).getParent().getParent().toString();
  }

  /** Runs {@code command} with {@code more} environment and returns its output. */
  String run(Map<String, String> more, Duration limit, String... command) {
    ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
    Map<String, String> all = new HashMap<>(environment);
    all.putAll(more);
    String javaHome = javaHome();
    all.putIfAbsent("JAVA_HOME", javaHome);
    all.putIfAbsent("AS_JAVA", javaHome);
    builder.environment().putAll(all);
    try {
      Path output = Files.createTempFile("server-command", ".log");
      Process process = builder.redirectOutput(output.toFile()).start();
      boolean finished = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      Files.delete(output);
      if (!finished || process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " failed"
                + (finished ? " with exit code " + process.exitValue() : " (timed out)")
                + ":\n"
                + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during " + String.join(" ", command), e);
    }
  }
}
