package com.migochat.runner.upgrade;

import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.OneTransaction;
import com.migochat.runner.history.SchemaTables;
import com.migochat.runner.liquibase.ChangeLogFolderResources;
import com.migochat.runner.lock.LockState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import liquibase.util.LiquibaseUtil;

/**
 * Proves without Liquibase that a database is already migrated to this changelog: digests of the
 * changelog's files (see {@link ChangeLogDigest}), of the history table and of the Liquibase
 * version and filters (contexts, labels), stored by the last upgrade to head while it still held
 * the migration lock. When they all match and the lock is free, nothing can be pending. Any
 * difference, such as an edited or new changeset, a history row changed or deleted by hand or by
 * another tool, another Liquibase version or other contexts, sends the upgrade through Liquibase as
 * before.
 *
 * <p>Changelogs that {@link ChangeLogDigest} cannot vouch for get no fingerprint and always take
 * the full path.
 */
final class SchemaFingerprint {

  private static final String TABLE = "DATABASECHANGELOG_FINGERPRINT";

  private final ClassLoader resources;
  private final String changeLog;
  private final String contexts;

  /**
   * The fingerprint of {@code configuration}'s changelog under its filters, stored as the contexts
   * alone when no label filter is set, as fingerprints stored before label filters existed read, so
   * that they stay valid.
   */
  static SchemaFingerprint of(MigrationConfiguration configuration) {
    return new SchemaFingerprint(
        ChangeLogFolderResources.of(configuration),
        configuration.changeLog(),
        configuration.labels().isEmpty()
            ? configuration.contexts()
            : configuration.contexts() + " labels:" + configuration.labels());
  }

  SchemaFingerprint(ClassLoader resources, String changeLog, String contexts) {
    this.resources = resources;
    this.changeLog = changeLog;
    this.contexts = contexts;
  }

  /** Whether the stored fingerprint matches this changelog and the history, with the lock free. */
  boolean matches(Connection connection) throws SQLException {
    return !LockState.read(connection).locked() && matchesWhileLocked(connection);
  }

  /**
   * Whether the stored fingerprint matches, for a caller that holds the migration lock itself: what
   * an instance that waited for another's upgrade finds once it has the lock.
   */
  boolean matchesWhileLocked(Connection connection) throws SQLException {
    if (!SchemaTables.exists(connection, TABLE)) {
      return false;
    }
    Optional<String> files = ChangeLogDigest.of(resources, changeLog);
    if (files.isEmpty()) {
      return false;
    }
    try (Statement statement = connection.createStatement();
        ResultSet stored =
            statement.executeQuery(
                "SELECT LIQUIBASE, CONTEXTS, CHANGELOG_DIGEST, HISTORY_DIGEST FROM " + TABLE)) {
      return stored.next()
          && LiquibaseUtil.getBuildVersion().equals(stored.getString(1))
          && contexts.equals(stored.getString(2))
          && files.get().equals(stored.getString(3))
          && historyDigest(connection).equals(stored.getString(4));
    }
  }

  /**
   * Stores the fingerprint of a database that was just brought to head with this changelog; stores
   * none (and forgets the old one) when the changelog cannot be fingerprinted. The caller holds the
   * migration lock, so that no other migration can change the history between the upgrade and this
   * record of it.
   */
  void record(Connection connection) throws SQLException {
    Optional<String> files = ChangeLogDigest.of(resources, changeLog);
    OneTransaction.run(
        connection,
        transaction -> {
          try (Statement statement = transaction.createStatement()) {
            statement.execute(
                "CREATE TABLE IF NOT EXISTS "
                    + TABLE
                    + " (LIQUIBASE VARCHAR(20) NOT NULL, CONTEXTS VARCHAR(1000) NOT NULL,"
                    + " CHANGELOG_DIGEST VARCHAR(64) NOT NULL, HISTORY_DIGEST VARCHAR(64) NOT NULL,"
                    + " RECORDED_AT TIMESTAMP NOT NULL)");
            statement.executeUpdate("DELETE FROM " + TABLE);
          }
          if (files.isPresent()) {
            try (PreparedStatement insert =
                transaction.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?)")) {
              insert.setString(1, LiquibaseUtil.getBuildVersion());
              insert.setString(2, contexts);
              insert.setString(3, files.get());
              insert.setString(4, historyDigest(transaction));
              insert.setTimestamp(5, Timestamp.from(Instant.now()));
              insert.executeUpdate();
            }
          }
        });
  }

  private static String historyDigest(Connection connection) throws SQLException {
    MessageDigest digest = sha256();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT ID, AUTHOR, FILENAME, MD5SUM, EXECTYPE, ORDEREXECUTED, TAG, LIQUIBASE,"
                    + " CONTEXTS, LABELS FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED, ID")) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int column = 1; column <= columns; column++) {
          String value = rows.getString(column);
          digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
        }
        digest.update((byte) '\n');
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
