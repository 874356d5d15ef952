package com.migochat.migrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.migrations.testing.ThrowawayDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthAndScaffoldTest {

  @Test
  void healthIsBadWhileChangeSetsArePendingOrTheLockIsHeld() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner =
          new MigrationRunner(database.dataSource(), MigrationSettings.defaults());

      HealthReport empty = runner.health();
      runner.upgrade();
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "INSERT INTO users (psid, created_at, updated_at) VALUES ('p', now(), now())");
      }
      HealthReport migrated = runner.health();
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "UPDATE databasechangeloglock SET locked = TRUE, lockedby = 'host-a (10.0.0.9)',"
                + " lockgranted = now() WHERE id = 1");
      }
      HealthReport locked = runner.health();

      assertFalse(empty.healthy());
      assertTrue(
          empty
              .problems()
              .get(0)
              .startsWith(MigrationRunnerTest.CHANGELOG_IDS.size() + " changesets pending"),
          empty.problems().get(0));
      assertTrue(migrated.healthy(), migrated.problems().toString());
      assertEquals(1L, migrated.rowCounts().get("users"));
      assertEquals(0L, migrated.rowCounts().get("messages"));
      assertFalse(locked.healthy());
      assertEquals("host-a (10.0.0.9)", locked.lock().lockedBy());
      assertTrue(locked.problems().get(0).contains("held by host-a"), locked.problems().get(0));
    }
  }

  @Test
  void rowCountsReadATableWhoseNameNeedsQuotingAsATableName() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner =
          new MigrationRunner(database.dataSource(), MigrationSettings.defaults());
      runner.upgrade();
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate("CREATE TABLE \"Lead Notes; DROP TABLE users\" (id INT)");
        statement.executeUpdate("INSERT INTO \"Lead Notes; DROP TABLE users\" VALUES (1), (2)");
      }

      HealthReport health = runner.health();

      assertEquals(2L, health.rowCounts().get("lead notes; drop table users"));
      assertEquals(0L, health.rowCounts().get("users"));
    }
  }

  @Test
  void newWritesTheNextChangeSetFileAndIncludesItLast(@TempDir Path folder) throws Exception {
    Path master = folder.resolve("migochat-changelog.xml");
    Files.writeString(
        master,
        Files.readString(
            Path.of("src/main/resources/db/changelog/migochat-changelog.xml"),
            StandardCharsets.UTF_8));
    Clock clock = Clock.fixed(Instant.parse("2026-01-31T09:05:00Z"), ZoneOffset.UTC);

    ChangeSetRef created =
        new ChangeSetScaffold(folder, clock).create("Add phone number & <consent>", "ana");

    assertEquals("20260131_0905_add_phone_number_consent", created.id());
    Path file = folder.resolve("changes/20260131_0905_add_phone_number_consent.xml");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(
        text.contains("logicalFilePath=\"migochat/20260131_0905_add_phone_number_consent.xml\""));
    assertTrue(text.contains("author=\"ana\""));
    assertTrue(text.contains("<rollback>"));
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    String masterText = Files.readString(master, StandardCharsets.UTF_8);
    assertTrue(
        masterText
            .strip()
            .endsWith(
                "<include file=\"changes/20260131_0905_add_phone_number_consent.xml\""
                    + " relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>"),
        masterText);
    assertThrows(
        IllegalArgumentException.class,
        () -> new ChangeSetScaffold(folder, clock).create("add phone number, consent", "ana"));
  }
}
