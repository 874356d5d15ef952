package com.migochat.benchmark;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.schema.ScratchDatabase;
import com.migochat.testkit.MicroLaunch;
import com.migochat.testkit.PayaraMicroProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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

  private final BenchmarkTarget target;

  MicroBoot(BenchmarkTarget target) {
    this.target = target;
    for (Path file : List.of(target.micro(), target.war())) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            "Cannot measure the Payara Micro boot: "
                + file
                + " is missing. Build first with 'mvn package -DskipTests', or pass --micro=JAR"
                + " and --war=WAR.");
      }
    }
  }

  /** Boots bare Micro, then Micro with Migochat on a new database after migrating it. */
  Times measure() throws IOException, InterruptedException {
    try (ScratchDatabase database = target.scratch()) {
      new MigrationRunner(MigrationConfiguration.configure(database.login()).load()).upgrade();
      MicroLaunch bare = MicroLaunch.of(target.micro(), target.folder());
      Boot bareBoot = boot(bare, "/", false);
      Boot app =
          boot(
              bare.deploying(target.war())
                  .withSystemProperties(
                      target.migochatSettings(database, "benchmark-only-password")),
              "/health/ready",
              true);
      Matcher check = SCHEMA_CHECK.matcher(app.log());
      if (!check.find()) {
        throw new IllegalStateException(
            "Migochat did not log its schema check as current; its log:\n" + app.log());
      }
      return new Times(bareBoot.seconds(), app.seconds(), Integer.parseInt(check.group(1)) / 1e3);
    }
  }

  /** The medians of the runs, in one line. */
  static void print(PrintStream out, List<Times> boots) {
    double bare = median(boots.stream().map(Times::bareSeconds).toList());
    double app = median(boots.stream().map(Times::appSeconds).toList());
    double check = median(boots.stream().map(Times::schemaCheckSeconds).toList());
    out.printf(
        Locale.ROOT,
        "Payara Micro boot until it answers HTTP, median of %d: bare %.2f s; with Migochat on a"
            + " migrated PostgreSQL database, until ready %.2f s; Migochat adds %.2f s, of which"
            + " its schema check %.2f s and the rest Payara deploying the WAR%n",
        boots.size(),
        bare,
        app,
        app - bare,
        check);
  }

  /** Every run, one line each. */
  static void writeCsv(List<Times> boots, Path file) throws IOException {
    StringBuilder csv =
        new StringBuilder("run,bare_seconds,migochat_seconds,schema_check_seconds\n");
    for (int run = 0; run < boots.size(); run++) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%d,%.3f,%.3f,%.3f%n",
              run + 1,
              boots.get(run).bareSeconds(),
              boots.get(run).appSeconds(),
              boots.get(run).schemaCheckSeconds()));
    }
    Files.writeString(file, csv);
  }

  private Boot boot(MicroLaunch launch, String path, boolean needs200)
      throws IOException, InterruptedException {
    try (PayaraMicroProcess micro = PayaraMicroProcess.launch(launch)) {
      long answered = micro.awaitAnswer(path, needs200, BOOT_LIMIT);
      double seconds = (answered - micro.startedNanos()) / 1e9;
      String printed = Files.readString(micro.logFile());
      Files.delete(micro.logFile());
      return new Boot(seconds, printed);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
