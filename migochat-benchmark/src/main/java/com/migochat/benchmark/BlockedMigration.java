package com.migochat.benchmark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The blocked-migration scenario (see {@link WritesWhileBlocked}) for stock Liquibase, Flyway and
 * Migochat's runner side by side, in one run: the application's write latency while the migration
 * waits behind a long reader, and the migration's total time.
 *
 * <p>{@code java -jar migochat-benchmark.jar --blocked-migration-only [--quick] [--hold=20]
 * [--rate=20] [--runs=1]}
 */
@Command(
    name = "java -jar migochat-benchmark.jar " + BlockedMigration.OPTION,
    mixinStandardHelpOptions = true,
    description =
        "Times the application's writes to a table while stock Liquibase, Flyway and Migochat each"
            + " add a column to it behind a long reader, side by side.")
final class BlockedMigration implements Callable<Integer> {

  static final String OPTION = "--blocked-migration-only";

  static final List<Contender> CONTENDERS =
      List.of(Contender.LIQUIBASE_ONE_FILE, Contender.FLYWAY, Contender.RUNNER);

  @Mixin private BenchmarkTarget target;

  @Option(names = OPTION, description = "Run this scenario only (the option that selects it).")
  private boolean selected;

  @Option(names = "--quick", description = "A quick pass: the reader holds 3 s, unless given.")
  private boolean quick;

  @Option(
      names = "--hold",
      paramLabel = "SECONDS",
      description =
          "How long the reader keeps its transaction open once the migration waits for it"
              + " (default: 20).")
  private Integer hold;

  @Option(
      names = "--rate",
      paramLabel = "WRITES",
      description = "Application writes per second (default: ${DEFAULT-VALUE}).")
  private int rate = 20;

  @Option(names = "--runs", paramLabel = "RUNS", description = "Runs per tool (default: 1).")
  private int runs = 1;

  @Override
  public Integer call() throws Exception {
    int holdSeconds = hold != null ? hold : quick ? 3 : 20;
    PrintStream out = System.out;
    out.printf(
        "Blocked migration: a reader holds ACCESS SHARE on people until %d s after the"
            + " migration asks for its lock, the application writes %d rows/s, each tool adds a"
            + " column; PostgreSQL at %s%n",
        holdSeconds, rate, target.pgUrl());
    Path addColumn = SyntheticChangeLogs.addColumn(target.folder().resolve("add-column"));
    WritesWhileBlocked scenario = new WritesWhileBlocked(target, new StepProcess(target));
    List<WritesWhileBlocked.Outcome> outcomes = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      for (Contender contender : CONTENDERS) {
        outcomes.add(scenario.measure(contender, addColumn, holdSeconds, rate));
        out.printf("  %s, run %d done%n", contender.label(), run);
      }
    }
    print(out, outcomes);
    return 0;
  }

  static void print(PrintStream out, List<WritesWhileBlocked.Outcome> outcomes) {
    out.println();
    String columns = "%-20s %8s %8s %10s %10s %10s %14s%n";
    out.printf(columns, "tool", "writes", "failed", "p50 ms", "p99 ms", "max ms", "migration s");
    for (WritesWhileBlocked.Outcome outcome : outcomes) {
      out.printf(
          Locale.ROOT,
          "%-20s %8d %8d %10.1f %10.1f %10.1f %12.1f %14.1f%n",
          outcome.contender().label(),
          outcome.sortedNanos().length,
          outcome.failedWrites(),
          outcome.percentileMillis(50),
          outcome.percentileMillis(99),
          outcome.percentileMillis(100),
          outcome.migrationSeconds(),
          outcome.afterReaderSeconds());
    }
    out.println(
        "(the reader ends a fixed time after each tool first asks for its exclusive lock;"
            + " latency: from the moment each write was due until it committed; migration: from"
            + " its start, JVM start-up included, until it exited; after reader: from the"
            + " reader's commit until the migration exited)");
  }
}
