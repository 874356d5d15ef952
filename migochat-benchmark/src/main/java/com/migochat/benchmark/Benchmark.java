package com.migochat.benchmark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures, side by side on throwaway PostgreSQL databases, what each {@link Contender} pays to
 * check a migrated database (what every boot pays), to apply N changesets to an empty one, and to
 * run the full_name data migration over many rows. Every step is a whole JVM process, timed from
 * start to exit. Prints medians with their ratios and writes every run to CSV.
 *
 * <p>Then it boots Payara Micro bare and with Migochat on an already-migrated database, in turn, to
 * measure what the application and its schema check add to a boot (see {@link MicroBoot}). Each
 * measurement is a class of its own ({@link ChangeSetTimes}, {@link CappedHeap}, {@link
 * DataMigration}, {@link MicroBoot}); this one runs them in turn and prints their tables.
 *
 * <p>{@code java -jar migochat-benchmark.jar [--quick] [--sizes=10,100,1000,3000] [--runs=3]
 * [--rows=1000000] [--out=target/benchmark] [--pg-url=jdbc:postgresql://127.0.0.1:5432/postgres]
 * [--pg-user=postgres] [--micro=target/payara-micro.jar] [--war=target/migochat.war]}
 *
 * <p>With {@code --history-load} it measures something else: the admin console's history under
 * concurrent load (see {@link HistoryLoad}); with {@code --blocked-migration-only}, the
 * application's writes while a migration waits behind a long reader (see {@link BlockedMigration}).
 */
@Command(
    name = "java -jar migochat-benchmark.jar",
    mixinStandardHelpOptions = true,
    version = "migochat-benchmark 1.0.0",
    description =
        "Times plain Liquibase, Flyway, Migochat's MigrationRunner and a plain-JDBC floor on"
            + " throwaway PostgreSQL databases, then Payara Micro's boot bare and with Migochat.",
    footer = {
      "",
      "With " + HistoryLoad.OPTION + " it measures the admin console's history under load instead;",
      "its options: " + HistoryLoad.OPTION + " --help. With " + BlockedMigration.OPTION + ",",
      "a migration blocked by a long reader: " + BlockedMigration.OPTION + " --help"
    })
public final class Benchmark implements Callable<Integer> {

  private static final List<Integer> SIZES = List.of(10, 100, 1000, 3000);
  private static final List<Integer> QUICK_SIZES = List.of(10);

  @Mixin private BenchmarkTarget target;

  @Option(
      names = "--quick",
      description = "A quick pass: N = 10, one run, 10,000 rows, unless given otherwise.")
  private boolean quick;

  @Option(
      names = "--sizes",
      split = ",",
      paramLabel = "N",
      description = "Changesets per synthetic changelog (default: 10,100,1000,3000).")
  private List<Integer> sizes;

  @Option(names = "--runs", paramLabel = "RUNS", description = "Runs of each step (default: 3).")
  private Integer runs;

  @Option(
      names = "--rows",
      paramLabel = "ROWS",
      description = "Rows the data migration updates (default: 1000000).")
  private Integer rows;

  private final Results results = new Results();
  private final PrintStream out = System.out;

  /** Kept, so that the level set on it stays: the boot measurement migrates in this JVM. */
  private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

  /**
   * Runs the migration benchmark or, with {@value HistoryLoad#OPTION} anywhere among the options,
   * the history load (a picocli subcommand would have to come before its options); exits 0 when
   * done, 1 on wrong options or a failed run.
   */
  public static void main(String[] args) {
    List<String> options = Arrays.asList(args);
    Object command =
        options.contains(HistoryLoad.OPTION)
            ? new HistoryLoad()
            : options.contains(BlockedMigration.OPTION) ? new BlockedMigration() : new Benchmark();
    CommandLine commandLine = new CommandLine(command);
    commandLine.getCommandSpec().exitCodeOnInvalidInput(1);
    System.exit(commandLine.execute(args));
  }

  private List<Integer> sizes() {
    return sizes != null ? sizes : quick ? QUICK_SIZES : SIZES;
  }

  private int runs() {
    return runs != null ? runs : quick ? 1 : 3;
  }

  private int rows() {
    return rows != null ? rows : quick ? 10_000 : 1_000_000;
  }

  @Override
  public Integer call() throws Exception {
    LIQUIBASE_LOG.setLevel(Level.WARNING);
    run();
    return 0;
  }

  private void run() throws Exception {
    out.printf(
        "Migochat migration benchmark: N = %s, %d runs, %,d rows; PostgreSQL at %s%n",
        sizes(), runs(), rows(), target.pgUrl());
    StepProcess steps = new StepProcess(target);
    ChangeSetTimes changeSets = new ChangeSetTimes(target, steps, results);
    CappedHeap capped = new CappedHeap(target, steps);
    for (int size : sizes()) {
      Path changeLogs = SyntheticChangeLogs.tables(target.folder().resolve("n" + size), size);
      for (int run = 1; run <= runs(); run++) {
        for (Contender contender : Contender.values()) {
          changeSets.measure(contender, size, run, changeLogs);
          if (run == 1) {
            capped.measure(contender, size, changeLogs);
          }
        }
        out.printf("  N = %d, run %d done%n", size, run);
      }
    }
    DataMigration dataMigration = new DataMigration(target, steps, results);
    Path fullName = SyntheticChangeLogs.fullName(target.folder().resolve("full-name"));
    for (int run = 1; run <= runs(); run++) {
      for (Contender contender : Contender.values()) {
        dataMigration.measure(contender, rows(), run, fullName);
      }
      out.printf("  data migration, run %d done%n", run);
    }
    MicroBoot boot = new MicroBoot(target);
    List<MicroBoot.Times> boots = new ArrayList<>();
    for (int run = 1; run <= runs(); run++) {
      boots.add(boot.measure());
      out.printf("  Payara Micro boots, run %d done%n", run);
    }
    out.println();
    results.printTable(out, ChangeSetTimes.NO_OP, "no-op check of a migrated database", "seconds");
    results.printTable(out, ChangeSetTimes.COLD_APPLY, "cold apply of every changeset", "seconds");
    results.printTable(
        out, DataMigration.OPERATION, "full_name data migration (N = rows)", "seconds");
    results.printOverheads(out, DataMigration.OPERATION, ChangeSetTimes.COLD_APPLY);
    results.printTable(
        out,
        ChangeSetTimes.RETAINED_HEAP,
        "heap left in use after the cold apply (after GC)",
        "MB");
    capped.print(out, sizes());
    MicroBoot.print(out, boots);
    Path csv = target.folder().resolve("results.csv");
    results.writeCsv(csv);
    Path bootCsv = target.folder().resolve("boot.csv");
    MicroBoot.writeCsv(boots, bootCsv);
    out.println("Every run: " + csv + ", " + bootCsv);
  }
}
