package com.migochat.benchmark;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.schema.ScratchDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

  static final Duration BOOT_LIMIT = Duration.ofMinutes(4);

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
    new MigrationRunner(MigrationConfiguration.configure(database.login()).load()).upgrade();
    Boot bare = boot(List.of(), "/", Map.of(), false);
    Boot app =
        boot(
            List.of("--deploy", war.toString()),
            "/health/ready",
            migochatEnvironment(database, user, "benchmark-only-password", folder),
            true);
    Matcher check = SCHEMA_CHECK.matcher(app.log());
    if (!check.find()) {
      throw new IllegalStateException(
          "Migochat did not log its schema check as current; its log:\n" + app.log());
    }
    return new Times(bare.seconds(), app.seconds(), Integer.parseInt(check.group(1)) / 1e3);
  }

  /** The environment that points Migochat at {@code database}, with the given admin password. */
  static Map<String, String> migochatEnvironment(
      ScratchDatabase database, String user, String adminPassword, Path folder) {
    return Map.of(
        "MIGOCHAT_DB_URL",
        database.url(),
        "MIGOCHAT_DB_USER",
        user,
        "MIGOCHAT_DB_PASSWORD",
        "",
        "MIGOCHAT_ADMIN_PASSWORD",
        adminPassword,
        "MIGOCHAT_BACKUP_DIR",
        folder.resolve("backups").toString());
  }

  private Boot boot(List<String> deploy, String path, Map<String, String> env, boolean needs200)
      throws IOException, InterruptedException {
    try (MicroProcess micro = MicroProcess.start(microJar, folder, deploy, env)) {
      long answered = micro.awaitAnswer(path, needs200, BOOT_LIMIT);
      double seconds = (answered - micro.startedNanos()) / 1e9;
      String printed = Files.readString(micro.log());
      Files.delete(micro.log());
      return new Boot(seconds, printed);
    }
  }
}
