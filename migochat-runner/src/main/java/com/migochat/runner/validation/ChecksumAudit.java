package com.migochat.runner.validation;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.database.OneTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * Replaces outdated checksums in the history and records each replacement, with who, when and why,
 * in {@code DATABASECHANGELOG_AUDIT} (created on first use, beside Liquibase's own tables), in one
 * transaction.
 */
final class ChecksumAudit {

  private static final String CREATE =
      "CREATE TABLE IF NOT EXISTS DATABASECHANGELOG_AUDIT ("
          + "ACCEPTED_AT TIMESTAMP NOT NULL, ACTOR VARCHAR(255) NOT NULL,"
          + " REASON VARCHAR(1000) NOT NULL, CHANGESET_ID VARCHAR(255) NOT NULL,"
          + " AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL,"
          + " OLD_CHECKSUM VARCHAR(35) NOT NULL, NEW_CHECKSUM VARCHAR(35) NOT NULL)";
  private static final String RECORD =
      "INSERT INTO DATABASECHANGELOG_AUDIT (ACCEPTED_AT, ACTOR, REASON, CHANGESET_ID, AUTHOR,"
          + " FILENAME, OLD_CHECKSUM, NEW_CHECKSUM) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String REPLACE =
      "UPDATE DATABASECHANGELOG SET MD5SUM = ? WHERE ID = ? AND AUTHOR = ? AND FILENAME = ?"
          + " AND MD5SUM = ?";

  private ChecksumAudit() {}

  static void replace(Connection connection, ChecksumAcceptance acceptance) throws SQLException {
    OneTransaction.run(
        connection,
        transaction -> {
          try (Statement create = transaction.createStatement()) {
            create.execute(CREATE);
          }
          try (PreparedStatement record = transaction.prepareStatement(RECORD);
              PreparedStatement replace = transaction.prepareStatement(REPLACE)) {
            for (OutdatedChecksum checksum : acceptance.accepted()) {
              ChangeSetRef changeSet = checksum.changeSet();
              record.setTimestamp(1, Timestamp.from(acceptance.at()));
              record.setString(2, acceptance.actor());
              record.setString(3, acceptance.reason());
              bindIdentity(record, 4, changeSet);
              record.setString(7, checksum.stored());
              record.setString(8, checksum.current());
              record.executeUpdate();
              replace.setString(1, checksum.current());
              bindIdentity(replace, 2, changeSet);
              replace.setString(5, checksum.stored());
              if (replace.executeUpdate() != 1) {
                throw new SQLException(
                    "the history row of " + changeSet + " changed while its checksum was accepted");
              }
            }
          }
        });
  }

  private static void bindIdentity(PreparedStatement statement, int first, ChangeSetRef changeSet)
      throws SQLException {
    statement.setString(first, changeSet.id());
    statement.setString(first + 1, changeSet.author());
    statement.setString(first + 2, changeSet.file());
  }
}
