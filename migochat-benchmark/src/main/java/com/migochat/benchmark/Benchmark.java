package com.migochat.benchmark;

import com.migochat.runner.database.DatabaseLogin;
import com.migochat.runner.schema.ScratchDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
 * measure what the application and its schema check add to a boot (see {@link MicroBoot}).
 *
 * <p>{@code java -jar migochat-benchmark.jar [--quick] [--sizes=10,100,1000,3000] [--runs=3]
 * [--rows=1000000] [--out=target/benchmark] [--pg-url=jdbc:postgresql://127.0.0.1:5432/postgres]
 * [--pg-user=postgres] [--micro=target/payara-micro.jar] [--war=target/migochat.war]}
 *
 * <p>With {@code --history-load} it measures something else: the admin console's history under
 * concurrent load (see {@link HistoryLoad}).
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
      "its options: " + HistoryLoad.OPTION + " --help"
    })
public final class Benchmark implements Callable<Integer> {

  static final String NO_OP = "no-op check";
  static final String COLD_APPLY = "cold apply";
  static final String DATA_MIGRATION = "data migration";
  static final String RETAINED_HEAP = "retained heap";
  static final int HEAP_CAP_MB = 32;
  private static final long STEP_LIMIT_MINUTES = 30;

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
  private final List<Capped> capped = new ArrayList<>();
  private final PrintStream out = System.out;

  /** Kept, so that the level set on it stays: the boot measurement migrates in this JVM. */
  private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

  /**
   * Runs the migration benchmark or, with {@value HistoryLoad#OPTION} anywhere among the options,
   * the history load (a picocli subcommand would have to come before its options); exits 0 when
   * done, 1 on wrong options or a failed run.
   */
  public static void main(String[] args) {
    Object command =
        Arrays.asList(args).contains(HistoryLoad.OPTION) ? new HistoryLoad() : new Benchmark();
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
    for (int size : sizes()) {
      Path changeLogs = SyntheticChangeLogs.tables(target.folder().resolve("n" + size), size);
      for (int run = 1; run <= runs(); run++) {
        for (Contender contender : Contender.values()) {
          try (ScratchDatabase database = scratch()) {
            Timed apply = time(contender, database, changeLogs);
            results.add(COLD_APPLY, size, contender, run, apply.seconds());
            results.add(RETAINED_HEAP, size, contender, run, apply.retainedMegabytes());
            results.add(
                NO_OP, size, contender, run, time(contender, database, changeLogs).seconds());
          }
          if (run == 1) {
            try (ScratchDatabase database = scratch()) {
              capped.add(
                  new Capped(size, contender, fitsInCappedHeap(contender, database, changeLogs)));
            }
          }
        }
        out.printf("  N = %d, run %d done%n", size, run);
      }
    }
    Path fullName = SyntheticChangeLogs.fullName(target.folder().resolve("full-name"));
    for (int run = 1; run <= runs(); run++) {
      for (Contender contender : Contender.values()) {
        try (ScratchDatabase database = scratch()) {
          people(database, rows());
          results.add(
              DATA_MIGRATION,
              rows(),
              contender,
              run,
              time(contender, database, fullName).seconds());
        }
      }
      out.printf("  data migration, run %d done%n", run);
    }
    MicroBoot boot = new MicroBoot(target.micro(), target.war(), target.folder());
    List<MicroBoot.Times> boots = new ArrayList<>();
    for (int run = 1; run <= runs(); run++) {
      try (ScratchDatabase database = scratch()) {
        boots.add(boot.measure(database, target.pgUser()));
      }
      out.printf("  Payara Micro boots, run %d done%n", run);
    }
    out.println();
    results.printTable(out, NO_OP, "no-op check of a migrated database", "seconds");
    results.printTable(out, COLD_APPLY, "cold apply of every changeset", "seconds");
    results.printTable(out, DATA_MIGRATION, "full_name data migration (N = rows)", "seconds");
    results.printOverheads(out, DATA_MIGRATION, COLD_APPLY);
    results.printTable(
        out, RETAINED_HEAP, "heap left in use after the cold apply (after GC)", "MB");
    printCapped();
    printBoots(boots);
    Path csv = target.folder().resolve("results.csv");
    results.writeCsv(csv);
    Path bootCsv = target.folder().resolve("boot.csv");
    writeBootCsv(boots, bootCsv);
    out.println("Every run: " + csv + ", " + bootCsv);
  }

  /** Whether a contender's cold apply of N changesets completed in the capped heap. */
  private record Capped(int size, Contender contender, boolean completed) {}

  private void printCapped() {
    out.printf(
        "cold apply with the heap capped at %d MB (-Xmx%dm), one run:%n", HEAP_CAP_MB, HEAP_CAP_MB);
    out.printf("%9s", "N");
    for (Contender contender : Contender.values()) {
      out.printf("  %-20s", contender.label());
    }
    out.println();
    for (int size : sizes()) {
      out.printf("%9d", size);
      for (Contender contender : Contender.values()) {
        boolean completed =
            capped.stream()
                .anyMatch(c -> c.size() == size && c.contender() == contender && c.completed());
        out.printf("  %-20s", completed ? "completes" : "out of memory");
      }
      out.println();
    }
    out.println();
  }

  private void printBoots(List<MicroBoot.Times> boots) {
    double bare = median(boots.stream().map(MicroBoot.Times::bareSeconds).toList());
    double app = median(boots.stream().map(MicroBoot.Times::appSeconds).toList());
    double check = median(boots.stream().map(MicroBoot.Times::schemaCheckSeconds).toList());
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

  private static void writeBootCsv(List<MicroBoot.Times> boots, Path file) throws IOException {
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

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private ScratchDatabase scratch() {
    return ScratchDatabase.beside(DatabaseLogin.of(target.pgUrl(), target.pgUser(), ""));
  }

  /** A step's wall time, and the heap it left in use. */
  record Timed(double seconds, double retainedMegabytes) {}

  private Timed time(Contender contender, ScratchDatabase database, Path changeLogs)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(target.folder(), "step", ".log");
    long started = System.nanoTime();
    int exit = step(contender, database, changeLogs, List.of(), log);
    double seconds = (System.nanoTime() - started) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException(
          contender.label()
              + " failed (exit "
              + exit
              + "):\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Timed(seconds, megabytes(lines, Step.HEAP, contender));
  }

  /**
   * Whether the cold apply completes with the heap capped at {@value #HEAP_CAP_MB} MB: proof that
   * everything the contender holds at once fits, garbage collected as it goes.
   */
  private boolean fitsInCappedHeap(Contender contender, ScratchDatabase database, Path changeLogs)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(target.folder(), "capped", ".log");
    int exit = step(contender, database, changeLogs, List.of("-Xmx" + HEAP_CAP_MB + "m"), log);
    boolean outOfMemory =
        Files.readString(log, StandardCharsets.UTF_8).contains("OutOfMemoryError");
    if (exit != 0 && !outOfMemory) {
      throw new IllegalStateException(
          contender.label() + " failed in a capped heap, not for memory; its log: " + log);
    }
    Files.delete(log);
    return exit == 0;
  }

  /**
   * Runs one {@link Step} in a JVM of its own, its output in {@code log}; returns its exit code.
   */
  private int step(
      Contender contender,
      ScratchDatabase database,
      Path changeLogs,
      List<String> jvmOptions,
      Path log)
      throws IOException, InterruptedException {
    String jar = ownJar();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-Dliquibase.analytics.enabled=false");
    command.add("-cp");
    command.add(contender.changeLogOnClassPath() ? jar + ":" + changeLogs : jar);
    command.addAll(
        List.of(
            Step.class.getName(),
            contender.name(),
            database.url(),
            target.pgUser(),
            changeLogs.toString()));
    Process step =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!step.waitFor(STEP_LIMIT_MINUTES, TimeUnit.MINUTES)) {
      step.destroyForcibly().waitFor();
      throw new IllegalStateException(contender.label() + " did not finish; its log: " + log);
    }
    return step.exitValue();
  }

  private static double megabytes(List<String> lines, String prefix, Contender contender) {
    String line =
        lines.stream()
            .filter(printed -> printed.startsWith(prefix))
            .reduce((first, last) -> last)
            .orElseThrow(
                () -> new IllegalStateException(contender.label() + " printed no " + prefix));
    return Long.parseLong(line.substring(prefix.length())) / 1e6;
  }

  private static void people(ScratchDatabase database, int rows) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement create = connection.createStatement();
        PreparedStatement fill =
            connection.prepareStatement(
                "INSERT INTO people SELECT g, 'First ' || g,"
                    + " CASE WHEN g % 10 = 0 THEN NULL ELSE 'Last ' || g END"
                    + " FROM generate_series(1, ?) g")) {
      create.execute(
          "CREATE TABLE people (id BIGINT PRIMARY KEY, first_name VARCHAR(100),"
              + " last_name VARCHAR(100))");
      fill.setInt(1, rows);
      fill.executeUpdate();
    }
  }

  static String ownJar() {
    try {
      return Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException("Cannot locate the benchmark's jar", e));
    }
  }
}
