package com.migochat.runner.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import com.migochat.runner.validation.ValidationFinding.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database migrated by an older Liquibase stores checksums of an older algorithm (v8). Those are
 * told apart from edited changesets and accepted in one audited step; an edited changeset blocks
 * the acceptance.
 */
class ChecksumAcceptanceTest {

  private static final String FULL_NAME = ExpectedChangeSets.FULL_NAME;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void olderAlgorithmChecksumsAreAcceptedWithAnAuditAndEditsAreNot(Engine engine) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();
      runner.upgrade();
      List<ChangeSet> changeSets = changeLog().getChangeSets();
      ChangeSet fullName =
          changeSets.stream()
              .filter(set -> set.getId().equals(FULL_NAME))
              .findFirst()
              .orElseThrow();
      for (ChangeSet changeSet : changeSets) {
        storeChecksum(database, changeSet.getId(), v8(changeSet));
      }
      storeChecksum(database, FULL_NAME, "8:00000000000000000000000000000000");

      List<String> findings =
          runner.validate().findings().stream()
              .map(finding -> finding.kind() + " " + finding.changeSet().id())
              .toList();
      assertTrue(findings.contains(Kind.CHECKSUM_MISMATCH + " " + FULL_NAME), findings.toString());
      assertEquals(
          changeSets.size() - 1,
          findings.stream()
              .filter(f -> f.startsWith(Kind.CHECKSUM_ALGORITHM_CHANGED.name()))
              .count(),
          findings.toString());

      MigrationException refused =
          assertThrows(MigrationException.class, () -> runner.acceptChecksums("upgrade"));
      assertEquals(MigrationError.CHANGELOG_INVALID, refused.failure().error());
      assertTrue(refused.getMessage().contains(FULL_NAME), refused.getMessage());
      assertTrue(checksums(database).stream().allMatch(sum -> sum.startsWith("8:")));

      storeChecksum(database, FULL_NAME, v8(fullName));
      ChecksumAcceptance acceptance = runner.acceptChecksums("Liquibase 4.21 to 4.33");

      assertEquals(changeSets.size(), acceptance.accepted().size());
      assertTrue(checksums(database).stream().allMatch(sum -> sum.startsWith("9:")));
      assertEquals(List.of(), runner.validate().findings());
      List<String> audit = audit(database);
      assertEquals(changeSets.size(), audit.size());
      assertTrue(audit.get(0).endsWith("Liquibase 4.21 to 4.33"), audit.get(0));

      storeChecksum(database, FULL_NAME, v8(fullName));
      runner.upgrade();
      assertTrue(checksums(database).stream().allMatch(sum -> sum.startsWith("9:")));
      List<String> afterUpgrade = audit(database);
      assertEquals(changeSets.size() + 1, afterUpgrade.size());
      assertTrue(
          afterUpgrade.get(afterUpgrade.size() - 1).startsWith(FULL_NAME + " 8:"),
          afterUpgrade.toString());
    }
  }

  private static DatabaseChangeLog changeLog() throws Exception {
    ClassLoaderResourceAccessor resources =
        new ClassLoaderResourceAccessor(ChecksumAcceptanceTest.class.getClassLoader());
    return ChangeLogParserFactory.getInstance()
        .getParser(MigrationConfiguration.DEFAULT_CHANGELOG, resources)
        .parse(MigrationConfiguration.DEFAULT_CHANGELOG, new ChangeLogParameters(), resources);
  }

  private static String v8(ChangeSet changeSet) {
    return changeSet.generateCheckSum(ChecksumVersion.V8).toString();
  }

  private static void storeChecksum(ThrowawayDatabase database, String id, String checksum)
      throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement update =
            connection.prepareStatement("UPDATE DATABASECHANGELOG SET MD5SUM = ? WHERE ID = ?")) {
      update.setString(1, checksum);
      update.setString(2, id);
      assertEquals(1, update.executeUpdate());
    }
  }

  private static List<String> checksums(ThrowawayDatabase database) throws SQLException {
    return column(database, "SELECT MD5SUM FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED");
  }

  private static List<String> audit(ThrowawayDatabase database) throws SQLException {
    return column(
        database,
        "SELECT CHANGESET_ID || ' ' || OLD_CHECKSUM || ' ' || NEW_CHECKSUM || ' ' || REASON"
            + " FROM DATABASECHANGELOG_AUDIT ORDER BY ACCEPTED_AT, CHANGESET_ID");
  }

  private static List<String> column(ThrowawayDatabase database, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
