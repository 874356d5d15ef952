package com.migochat.runner.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs pg_dump, pg_restore and psql with the database's libpq environment. Whatever PG* variables
 * this process inherited are not passed on: the tools connect exactly as the JDBC URL says, as the
 * application does.
 */
final class PostgresTools {

  private static final long LIMIT_MINUTES = 60;

  private final Path folder;

  /**
   * @param folder where the tools are, to match the server's major version; null for the PATH
   */
  PostgresTools(Path folder) {
    this.folder = folder;
  }

  /** Runs the tool with these arguments and returns what it printed on its standard output. */
  String run(String tool, List<String> arguments, PostgresEnvironment environment) {
    List<String> command = new ArrayList<>();
    command.add(folder == null ? tool : folder.resolve(tool).toString());
    command.addAll(arguments);
    Path out = null;
    Path err = null;
    try {
      // Temporary files are created readable by their owner only; a dump's listing or a tool's
      // complaint may quote data.
      out = Files.createTempFile(tool, ".out");
      err = Files.createTempFile(tool, ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      Map<String, String> variables = builder.environment();
      variables.keySet().removeIf(name -> name.startsWith("PG"));
      variables.putAll(environment.variables());
      variables.putIfAbsent("PGAPPNAME", "migochat " + tool);
      Process process = start(builder, command.get(0), tool);
      if (!process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw DatabaseBackup.failed(
            tool + " did not finish within " + LIMIT_MINUTES + " minutes",
            "check that the database server answers, then run it again; nothing was changed",
            null);
      }
      if (process.exitValue() != 0) {
        String complaint = Files.readString(err, StandardCharsets.UTF_8).strip();
        throw DatabaseBackup.failed(
            tool
                + " failed (exit "
                + process.exitValue()
                + "): "
                + complaint.replaceAll("\\s+", " ").replaceAll("\\.$", ""),
            advice(complaint),
            null);
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw DatabaseBackup.failed(
          "cannot run " + tool + ": " + e.getMessage(),
          "check the temporary folder (java.io.tmpdir) has space; nothing was changed",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DatabaseBackup.failed("interrupted while " + tool + " ran", "run it again", e);
    } finally {
      BackupFolder.deleteQuietly(out);
      BackupFolder.deleteQuietly(err);
    }
  }

  private Process start(ProcessBuilder builder, String path, String tool) {
    try {
      return builder.start();
    } catch (IOException notInstalled) {
      throw DatabaseBackup.failed(
          (folder == null ? tool + " is not on the PATH" : path + " is missing"),
          "install the PostgreSQL client tools (pg_dump, pg_restore, psql) of the server's major"
              + " version (Debian: apt-get install postgresql-client-<version>) and point"
              + " migochat.pg.bin (MIGOCHAT_PG_BIN, --pg-bin) at their folder",
          notInstalled);
    }
  }

  private static String advice(String complaint) {
    if (complaint.contains("server version mismatch")) {
      return "install pg_dump of the server's major version and point migochat.pg.bin"
          + " (MIGOCHAT_PG_BIN, --pg-bin) at its folder (Debian:"
          + " /usr/lib/postgresql/<version>/bin); nothing was changed";
    }
    if (complaint.contains("other objects depend on")) {
      return "another application's table or view depends on Migochat's tables; remove that"
          + " dependency and run restore again. Nothing was changed";
    }
    return "fix the cause above and run it again; nothing was changed";
  }
}
