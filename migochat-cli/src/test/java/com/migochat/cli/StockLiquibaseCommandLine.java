package com.migochat.cli;

import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.testing.ThrowawayDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Liquibase 4.33's own command line ({@code
 * liquibase.integration.commandline.LiquibaseCommandLine}) in a JVM of its own, on the class path
 * the build wrote to {@code migochat.it.stock.liquibase .classpath}: liquibase-core, its libraries
 * and the PostgreSQL driver. It reads Migochat's shipped changelog from its source folder ({@code
 * migochat.it.changelog.root}), as an operator's {@code --search-path} would, and works on one
 * database.
 */
final class StockLiquibaseCommandLine {

  /** What one run printed (standard output and error together) and returned. */
  record Run(int exitCode, String output) {}

  private final ThrowawayDatabase database;

  StockLiquibaseCommandLine(ThrowawayDatabase database) {
    this.database = database;
  }

  /** The jars of the stock command line's class path. */
  static List<Path> classPath() throws IOException {
    String file = System.getProperty("migochat.it.stock.liquibase.classpath");
    return Arrays.stream(Files.readString(Path.of(file)).strip().split(File.pathSeparator))
        .map(Path::of)
        .toList();
  }

  /** Runs {@code liquibase <connection options> <arguments>}, e.g. {@code status --verbose}. */
  Run run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            // Liquibase would otherwise try to send usage data, to a host this machine cannot
            // reach.
            "-Dliquibase.analytics.enabled=false",
            // A short run: the quick compiler and one GC thread halve its CPU time on 2 cores.
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            String.join(File.pathSeparator, classPath().stream().map(Path::toString).toList()),
            "liquibase.integration.commandline.LiquibaseCommandLine",
            "--show-banner=false",
            "--url=" + database.url(),
            "--username=" + database.user(),
            "--password=",
            "--search-path=" + System.getProperty("migochat.it.changelog.root"),
            "--changelog-file=" + MigrationConfiguration.DEFAULT_CHANGELOG));
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile("liquibase", ".out");
    Process liquibase =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!liquibase.waitFor(2, TimeUnit.MINUTES)) {
      liquibase.destroyForcibly().waitFor();
      throw new AssertionError("liquibase " + String.join(" ", arguments) + " did not finish");
    }
    Run run = new Run(liquibase.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    Files.delete(output);
    return run;
  }
}
