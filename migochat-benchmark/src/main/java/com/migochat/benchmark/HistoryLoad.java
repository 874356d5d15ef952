package com.migochat.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The admin console's history under load: boots Payara Micro with Migochat on a throwaway
 * PostgreSQL database, fills its history to a number of rows, then puts each {@link Endpoint} in
 * turn under a closed-loop load of concurrent connections asking for random pages of the whole
 * history as the administrator (see {@link ConsoleUnderLoad}), and prints their throughput and
 * latency percentiles (see {@link LatencyTable}). Every answer must be a 200; any other makes the
 * run fail once the table is printed.
 *
 * <p>{@code java -jar migochat-benchmark.jar --history-load [--quick] [--rows=10000]
 * [--connections=16] [--seconds=30] [--warmup=5] [--out=target/benchmark]
 * [--pg-url=jdbc:postgresql://127.0.0.1:5432/postgres] [--pg-user=postgres]
 * [--micro=target/payara-micro.jar] [--war=target/migochat.war]}
 */
@Command(
    name = "java -jar migochat-benchmark.jar",
    mixinStandardHelpOptions = true,
    version = "migochat-benchmark 1.0.0",
    description =
        "Boots Payara Micro with Migochat on a throwaway PostgreSQL database, fills its history,"
            + " then loads each history endpoint in turn and prints throughput and latency"
            + " percentiles.")
final class HistoryLoad implements Callable<Integer> {

  static final String OPTION = "--history-load";

  /** Rows per page, on both endpoints. */
  static final int PAGE_SIZE = 50;

  /** What is put under load, each path below the application's context root. */
  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              "REST /api/migrations/history",
              "api/migrations/history?page=" + Endpoint.PAGE + "&size=" + PAGE_SIZE),
          new Endpoint(
              "page /admin/migrations.xhtml", "admin/migrations.xhtml?page=" + Endpoint.PAGE));

  @Mixin private BenchmarkTarget target;

  @Option(
      names = OPTION,
      required = true,
      description = "Measure the admin console's history under load, not the migrations.")
  private boolean selected;

  @Option(
      names = "--quick",
      description =
          "A quick pass: 200 rows, 2 connections, 1 s warmup, 2 s measured, unless given"
              + " otherwise.")
  private boolean quick;

  @Option(
      names = "--rows",
      paramLabel = "ROWS",
      description = "Rows to fill the history to (default: 10000).")
  private Integer rows;

  @Option(
      names = "--connections",
      paramLabel = "CONNECTIONS",
      description =
          "Concurrent connections, each asking for a page as soon as it has one (default: 16).")
  private Integer connections;

  @Option(
      names = "--seconds",
      paramLabel = "SECONDS",
      description = "Seconds measured per endpoint (default: 30).")
  private Integer seconds;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      description = "Seconds of load before each endpoint's measured ones (default: 5).")
  private Integer warmup;

  @Spec private CommandSpec spec;

  private final PrintStream out = System.out;

  private int rows() {
    return rows != null ? rows : quick ? 200 : 10_000;
  }

  private int connections() {
    return connections != null ? connections : quick ? 2 : 16;
  }

  private int seconds() {
    return seconds != null ? seconds : quick ? 2 : 30;
  }

  private int warmup() {
    return warmup != null ? warmup : quick ? 1 : 5;
  }

  /** Exits 0 when every answer was a 200, 1 otherwise. */
  @Override
  public Integer call() throws IOException, InterruptedException, SQLException {
    if (rows() < 1 || connections() < 1 || seconds() < 1 || warmup() < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--rows, --connections and --seconds must be 1 or more, --warmup 0 or more");
    }
    for (Path file : List.of(target.micro(), target.war())) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            file
                + " is missing. Build first with 'mvn package -DskipTests', or pass --micro=JAR"
                + " and --war=WAR.");
      }
    }
    out.printf(
        Locale.ROOT,
        "Migochat admin history under load: %,d history rows, %d connections, %d s warmup then"
            + " %d s per endpoint, pages of %d; PostgreSQL at %s%n",
        rows(),
        connections(),
        warmup(),
        seconds(),
        PAGE_SIZE,
        target.pgUrl());
    out.println(
        "Command: java -jar "
            + Path.of(BenchmarkTarget.ownJar()).getFileName()
            + " "
            + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    return run() ? 0 : 1;
  }

  private boolean run() throws IOException, InterruptedException, SQLException {
    ConsoleUnderLoad.Outcome outcome =
        new ConsoleUnderLoad(target, out)
            .run(
                ENDPOINTS,
                rows(),
                PAGE_SIZE,
                connections(),
                Duration.ofSeconds(warmup()),
                Duration.ofSeconds(seconds()));
    out.println();
    LatencyTable.print(out, outcome.results());
    boolean all200 =
        outcome.results().stream().allMatch(result -> result.non200() == 0 && result.errors() == 0);
    if (all200) {
      Files.delete(outcome.log());
    } else {
      out.println("Payara Micro's log: " + outcome.log());
    }
    return all200;
  }
}
