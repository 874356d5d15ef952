package com.migochat.runner.testing;

import com.migochat.runner.MigrationRunner;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import liquibase.command.CommandScope;

/**
 * Stock Liquibase 4.33's {@code update}, in a JVM of its own whose class path is the test's less
 * Migochat's runner: none of the services Migochat registers with Liquibase (its PostgreSQL
 * database, lock and history services) is there, so what it leaves is what stock Liquibase leaves.
 * {@code StockLiquibase <jdbc url> <user> <changelog on the class path> [<contexts> <labels>]}.
 */
public final class StockLiquibase {

  private StockLiquibase() {}

  public static void main(String[] args) throws Exception {
    if (ClassLoader.getSystemResource("com/migochat/runner/MigrationRunner.class") != null) {
      throw new IllegalStateException("Migochat's runner is on stock Liquibase's class path");
    }
    CommandScope update =
        new CommandScope("update")
            .addArgumentValue("url", args[0])
            .addArgumentValue("username", args[1])
            .addArgumentValue("password", "")
            .addArgumentValue("changelogFile", args[2]);
    if (args.length > 3) {
      update.addArgumentValue("contextFilter", args[3]).addArgumentValue("labelFilter", args[4]);
    }
    update.execute();
  }

  /**
   * Runs stock Liquibase's update of {@code changeLog} on {@code database}, with {@code classes}
   * (folders of classes, e.g. a custom change's) added to its class path; fails if it fails.
   */
  public static void update(ThrowawayDatabase database, String changeLog, Path... classes)
      throws Exception {
    run(database, List.of(changeLog), classes);
  }

  /** Runs stock Liquibase's {@code update --contexts <contexts> --label-filter <labels>}. */
  public static void update(
      ThrowawayDatabase database, String changeLog, String contexts, String labels)
      throws Exception {
    run(database, List.of(changeLog, contexts, labels));
  }

  private static void run(ThrowawayDatabase database, List<String> arguments, Path... classes)
      throws Exception {
    String classPath = classPathWithoutMigochat();
    for (Path folder : classes) {
      classPath += File.pathSeparator + folder;
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Dliquibase.analytics.enabled=false",
                "-cp",
                classPath,
                StockLiquibase.class.getName(),
                database.url(),
                database.user()));
    command.addAll(arguments);
    Process update = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(update.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!update.waitFor(2, TimeUnit.MINUTES) || update.exitValue() != 0) {
      update.destroyForcibly();
      throw new AssertionError("Stock Liquibase's update failed:\n" + output);
    }
  }

  private static String classPathWithoutMigochat() throws URISyntaxException, IOException {
    Path runner =
        Path.of(MigrationRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toRealPath();
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !isSame(Path.of(entry), runner))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static boolean isSame(Path entry, Path runner) {
    try {
      return entry.toRealPath().equals(runner);
    } catch (IOException e) {
      return false;
    }
  }
}
