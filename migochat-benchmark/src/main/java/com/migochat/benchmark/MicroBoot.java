package com.migochat.benchmark;

import com.migochat.migrations.runner.MigrationRunner;
import com.migochat.migrations.runner.MigrationSettings;
import com.migochat.migrations.runner.ScratchDatabase;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What deploying Migochat adds to a bare Payara Micro boot when the database is already migrated.
 * Both boots run with {@code run.sh}'s JVM flags and are timed from process start until they answer
 * HTTP: the bare server with any response, Migochat with a 200 from its readiness check, which it
 * gives only once it found its schema current.
 */
final class MicroBoot {

  /** The two boots of one run, and the part of the second that Migochat's schema check took. */
  record Times(double bareSeconds, double appSeconds, double schemaCheckSeconds) {}

  /** How the application logs its startup schema check; see DeploymentMigration. */
  private static final Pattern SCHEMA_CHECK =
      Pattern.compile("Schema is current.*checked in (\\d+) ms");

  /** One boot: how long until it answered, and what it logged. */
  private record Boot(double seconds, String log) {}

  private static final Duration BOOT_LIMIT = Duration.ofMinutes(4);
  private static final Duration POLL = Duration.ofMillis(50);

  private final Path microJar;
  private final Path war;
  private final Path folder;

  MicroBoot(Path microJar, Path war, Path folder) {
    this.microJar = microJar;
    this.war = war;
    this.folder = folder;
    for (Path file : List.of(microJar, war)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            "Cannot measure the Payara Micro boot: "
                + file
                + " is missing. Build first with 'mvn package -DskipTests', or pass --micro=JAR"
                + " and --war=WAR.");
      }
    }
  }

  /** Boots bare Micro, then Micro with Migochat on {@code database} after migrating it. */
  Times measure(ScratchDatabase database, String user) throws IOException, InterruptedException {
    new MigrationRunner(database.dataSource(), MigrationSettings.defaults()).upgrade();
    Boot bare = boot(List.of(), "/", Map.of(), false);
    Boot app =
        boot(
            List.of("--deploy", war.toString()),
            "/health/ready",
            Map.of(
                "MIGOCHAT_DB_URL",
                database.url(),
                "MIGOCHAT_DB_USER",
                user,
                "MIGOCHAT_DB_PASSWORD",
                "",
                "MIGOCHAT_ADMIN_PASSWORD",
                "benchmark-only-password",
                "MIGOCHAT_BACKUP_DIR",
                folder.resolve("backups").toString()),
            true);
    Matcher check = SCHEMA_CHECK.matcher(app.log());
    if (!check.find()) {
      throw new IllegalStateException(
          "Migochat did not log its schema check as current; its log:\n" + app.log());
    }
    return new Times(bare.seconds(), app.seconds(), Integer.parseInt(check.group(1)) / 1e3);
  }

  private Boot boot(List<String> deploy, String path, Map<String, String> env, boolean needs200)
      throws IOException, InterruptedException {
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
    Path log = Files.createTempFile(folder, "micro", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process micro = builder.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + port + path);
      long deadline = started + BOOT_LIMIT.toNanos();
      while (System.nanoTime() < deadline) {
        if (!micro.isAlive()) {
          throw new IllegalStateException(
              "Payara Micro exited while booting (exit "
                  + micro.exitValue()
                  + "); its log: "
                  + log);
        }
        Integer status = status(uri);
        if (status != null && (!needs200 || status == 200)) {
          double seconds = (System.nanoTime() - started) / 1e9;
          String printed = Files.readString(log);
          Files.delete(log);
          return new Boot(seconds, printed);
        }
        Thread.sleep(POLL.toMillis());
      }
      throw new IllegalStateException(
          "Payara Micro did not answer " + uri + " within " + BOOT_LIMIT + "; its log: " + log);
    } finally {
      stop(micro);
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

  private static void stop(Process micro) throws InterruptedException {
    micro.destroy();
    if (!micro.waitFor(30, TimeUnit.SECONDS)) {
      micro.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
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
