package com.migochat.benchmark;

import com.migochat.runner.schema.ScratchDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A migration blocked by a long reader, for stock Liquibase, Flyway and Migochat in turn: a session
 * holds ACCESS SHARE on {@code users} (as a pg_dump does) while the application writes to it at a
 * steady rate and the contender, in a JVM of its own, adds a column to it. Prints the latency of
 * the writes issued while the migration ran (p50, p99, max) and the migration's total time.
 *
 * <p>{@code java -jar migochat-benchmark.jar --blocked-migration-only [--reader-seconds=20]
 * [--rate=20] [--rows=10000] [--out=target/benchmark]
 * [--pg-url=jdbc:postgresql://127.0.0.1:5432/postgres] [--pg-user=postgres]}
 */
@Command(
    name = "java -jar migochat-benchmark.jar",
    mixinStandardHelpOptions = true,
    version = "migochat-benchmark 1.0.0",
    description =
        "Adds a column to a table a long reader holds, with stock Liquibase, Flyway and Migochat,"
            + " while the application writes to it, and prints the writes' latencies.")
final class BlockedMigration implements Callable<Integer> {

  static final String OPTION = "--blocked-migration-only";

  private static final List<Contender> CONTENDERS =
      List.of(Contender.LIQUIBASE_PER_FILE, Contender.FLYWAY, Contender.RUNNER);

  @Mixin private BenchmarkTarget target;

  @Option(
      names = OPTION,
      required = true,
      description = "Measure a migration blocked by a long reader, not the migrations' speed.")
  private boolean selected;

  @Option(
      names = "--reader-seconds",
      paramLabel = "SECONDS",
      description = "How long the reader holds the table (default: ${DEFAULT-VALUE}).")
  private int readerSeconds = 20;

  @Option(
      names = "--rate",
      paramLabel = "WRITES",
      description = "Application writes per second (default: ${DEFAULT-VALUE}).")
  private int rate = 20;

  @Option(
      names = "--rows",
      paramLabel = "ROWS",
      description = "Rows of users (default: ${DEFAULT-VALUE}).")
  private int rows = 10_000;

  private final PrintStream out = System.out;

  /** One contender's run: the writes issued while it migrated, and how long it took. */
  private record Run(Contender contender, List<Long> writeNanos, double migrationSeconds) {}

  @Override
  public Integer call() throws Exception {
    out.printf(
        "Blocked migration: a reader holds users for %d s, %d writes/s to users of %,d rows;"
            + " PostgreSQL at %s%n",
        readerSeconds, rate, rows, target.pgUrl());
    Path changeLogs = SyntheticChangeLogs.nickname(target.folder().resolve("blocked-migration"));
    StepProcess steps = new StepProcess(target);
    List<Run> runs = new ArrayList<>();
    for (Contender contender : CONTENDERS) {
      runs.add(measure(contender, steps, changeLogs));
      out.printf("  %s done%n", contender.label());
    }
    out.println();
    out.println("| Tool | Writes while it migrated | p50 ms | p99 ms | max ms | Migration s |");
    out.println("|---|---|---|---|---|---|");
    for (Run run : runs) {
      List<Long> sorted = run.writeNanos().stream().sorted(Comparator.naturalOrder()).toList();
      out.printf(
          Locale.ROOT,
          "| %s | %d | %.0f | %.0f | %.0f | %.1f |%n",
          run.contender() == Contender.RUNNER ? "Migochat" : run.contender().label(),
          sorted.size(),
          millis(sorted, 0.50),
          millis(sorted, 0.99),
          millis(sorted, 1.0),
          run.migrationSeconds());
    }
    return 0;
  }

  private Run measure(Contender contender, StepProcess steps, Path changeLogs) throws Exception {
    try (ScratchDatabase database = target.scratch()) {
      users(database);
      try (AppWrites app = AppWrites.start(database.dataSource(), rows, rate);
          Connection reader = database.dataSource().getConnection();
          Statement read = reader.createStatement()) {
        reader.setAutoCommit(false);
        read.executeQuery("SELECT count(*) FROM users").close();
        Thread.sleep(1000);
        long started = System.nanoTime();
        CompletableFuture<StepProcess.Timed> migration =
            CompletableFuture.supplyAsync(() -> migrate(steps, contender, database, changeLogs));
        Thread.sleep(readerSeconds * 1000L - 1000);
        reader.commit();
        double seconds = migration.join().seconds();
        long ended = System.nanoTime();
        Thread.sleep(1000);
        List<Long> during =
            app.stop().stream()
                .filter(write -> write.issuedNanos() >= started && write.issuedNanos() <= ended)
                .map(AppWrites.Write::tookNanos)
                .toList();
        return new Run(contender, during, seconds);
      }
    }
  }

  private static StepProcess.Timed migrate(
      StepProcess steps, Contender contender, ScratchDatabase database, Path changeLogs) {
    try {
      return steps.time(contender, database, changeLogs);
    } catch (Exception e) {
      throw new IllegalStateException(contender.label() + " failed", e);
    }
  }

  private void users(ScratchDatabase database) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(100),"
              + " updated_at TIMESTAMP WITH TIME ZONE)");
      statement.execute(
          "INSERT INTO users SELECT g, 'User ' || g, now() FROM generate_series(1, "
              + rows
              + ") g");
    }
  }

  private static double millis(List<Long> sorted, double quantile) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(quantile * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }
}
