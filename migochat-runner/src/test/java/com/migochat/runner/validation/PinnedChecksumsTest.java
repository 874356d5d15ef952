package com.migochat.runner.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every database in production stores the checksum Liquibase computed for each shipped changeset
 * when it ran. If a Liquibase upgrade computes them differently (liquibase #7309 did, between patch
 * releases), every deployment on such a database stops with CHECKSUM_MISMATCH. This test pins the
 * checksums, so such an upgrade fails the build here, with the way out, instead of in production.
 */
class PinnedChecksumsTest {

  private static final String PINS = "/db/pinned-checksums.properties";

  @Test
  void everyShippedChangeSetKeepsTheChecksumItWasReleasedWith() throws Exception {
    Map<String, String> computed = checksums();
    Map<String, String> pinned = pinned();

    assertEquals(
        ExpectedChangeSets.IDS,
        computed.keySet().stream().toList(),
        "the shipped changesets: pin the checksum of a new one in " + PINS);
    assertEquals(
        pinned,
        computed,
        """
        Liquibase now computes other checksums for shipped changesets than the ones pinned in %s.
        Every database that ran them stores the pinned ones, so with this Liquibase every
        deployment on such a database would stop with CHECKSUM_MISMATCH. Stay on the Liquibase
        version pinned in the pom. If a newer one is needed, read its release notes for how it
        treats checksums of earlier releases (it accepts those of an older checksum version, for
        which `migochat accept-checksums` records the change; a changed computation of the same
        version it does not accept), plan the databases' repair, then pin the new values here.
        If a shipped changeset was edited instead: revert the edit and add a new changeset."""
            .formatted(PINS));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anUpgradedDatabaseStoresThePinnedChecksums(Engine engine) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      database.runner().upgrade();
      Map<String, String> stored = new LinkedHashMap<>();
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT ID, MD5SUM FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
        while (rows.next()) {
          stored.put(rows.getString(1), rows.getString(2));
        }
      }

      assertEquals(pinned(), stored);
    }
  }

  /** The checksum of each shipped changeset as the Liquibase on the class path computes it. */
  private static Map<String, String> checksums() throws Exception {
    DatabaseChangeLog changeLog =
        LiquibaseSession.parseWithoutDatabase(MigrationConfiguration.DEFAULT_CHANGELOG);
    Map<String, String> checksums = new LinkedHashMap<>();
    for (ChangeSet changeSet : changeLog.getChangeSets()) {
      CheckSum checksum = changeSet.generateCheckSum(liquibase.ChecksumVersion.latest());
      checksums.put(changeSet.getId(), checksum.toString());
    }
    return checksums;
  }

  private static Map<String, String> pinned() throws IOException {
    java.util.Properties properties = new java.util.Properties();
    try (InputStream in = PinnedChecksumsTest.class.getResourceAsStream(PINS)) {
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Map<String, String> pinned = new LinkedHashMap<>();
    for (String id : ExpectedChangeSets.IDS) {
      pinned.put(id, properties.getProperty(id));
    }
    properties.stringPropertyNames().stream()
        .filter(id -> !pinned.containsKey(id))
        .forEach(id -> pinned.put(id, properties.getProperty(id)));
    return pinned;
  }
}
