package com.migochat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.testing.Psql;
import com.migochat.runner.testing.SchemaAndHistory;
import com.migochat.runner.testing.ThrowawayDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upgrade --offline}, from the built jar as an operator runs it: the script it prints with
 * no database reachable, applied with psql to an empty database, leaves what {@code upgrade}
 * leaves.
 */
class OfflineScriptIT {

  /** Nothing listens on port 1: any attempt to connect fails the command. */
  private static final String NO_DATABASE = "jdbc:postgresql://127.0.0.1:1/nowhere";

  @TempDir Path folder;

  @Test
  void upgradeOfflinePrintsAScriptThatPsqlAppliesAsUpgradeWouldWithNoDatabaseReachable()
      throws Exception {
    try (ThrowawayDatabase upgraded = ThrowawayDatabase.postgres();
        ThrowawayDatabase scripted = ThrowawayDatabase.postgres()) {
      upgraded.runner().upgrade();
      Path script = folder.resolve("upgrade.sql");
      Path errors = folder.resolve("errors.txt");

      Process migochat =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-jar",
                  System.getProperty("migochat.cli.jar"),
                  "upgrade",
                  "--offline",
                  "postgresql",
                  "--url",
                  NO_DATABASE)
              .redirectOutput(script.toFile())
              .redirectError(errors.toFile())
              .start();
      assertTrue(migochat.waitFor(2, TimeUnit.MINUTES), "upgrade --offline did not finish");
      assertEquals(0, migochat.exitValue(), Files.readString(errors, StandardCharsets.UTF_8));
      Psql.apply(scripted, script);

      assertEquals(read(upgraded), read(scripted));
      assertTrue(scripted.runner().upgrade().nothingApplied());
    }
  }

  @Test
  void fromWithoutOfflineIsWrongUsage() {
    assertEquals(2, MigochatCli.run("upgrade", "--from", "base"));
    assertEquals(
        List.of(2, 2),
        List.of(
            MigochatCli.run("upgrade", "--offline", "oracle"),
            MigochatCli.run("downgrade", "base", "--offline", "sqlite")));
  }

  private static SchemaAndHistory read(ThrowawayDatabase database) throws Exception {
    try (Connection connection = database.connect()) {
      return SchemaAndHistory.read(connection);
    }
  }
}
