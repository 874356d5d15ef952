package com.migochat.migrations.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.util.LiquibaseUtil;

/**
 * Proves without Liquibase that a database is already migrated to this changelog: digests of the
 * changelog's files (the master, every included file and every file a change reads), of the history
 * table and of the Liquibase version and contexts, stored by the last upgrade to head while it
 * still held the migration lock. When they all match and the lock is free, nothing can be pending.
 * Any difference, such as an edited or new changeset, a history row changed or deleted by hand or
 * by another tool, another Liquibase version or other contexts, sends the upgrade through Liquibase
 * as before.
 *
 * <p>Changelogs this cannot read exactly get no fingerprint and always take the full path: {@code
 * includeAll}, {@code runAlways} changesets, preconditions that skip a changeset without recording
 * it ({@code onFail="CONTINUE"}), and file names with {@code ${…}} properties.
 */
final class SchemaFingerprint {

  private static final String TABLE = "DATABASECHANGELOG_FINGERPRINT";
  private static final Pattern TAG = Pattern.compile("<([A-Za-z:]+)\\b([^>]*)>");
  private static final Pattern FILE = Pattern.compile("\\s(?:file|path)\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern RELATIVE =
      Pattern.compile("\\srelativeTo(?:ChangelogFile|ChangeLogFile)\\s*=\\s*\"true\"");
  private static final Pattern UNREADABLE =
      Pattern.compile(
          "<includeAll\\b|runAlways\\s*=\\s*\"true\"|onFail\\s*=\\s*\"CONTINUE\"|"
              + "onError\\s*=\\s*\"CONTINUE\"");

  private final ClassLoader resources;
  private final String changeLog;
  private final String contexts;

  SchemaFingerprint(ClassLoader resources, String changeLog, String contexts) {
    this.resources = resources;
    this.changeLog = changeLog;
    this.contexts = contexts;
  }

  /** Whether the stored fingerprint matches this changelog and the history, with the lock free. */
  boolean matches(Connection connection) throws SQLException {
    return !new DatabaseInspection(connection).lock().locked() && matchesWhileLocked(connection);
  }

  /**
   * Whether the stored fingerprint matches, for a caller that holds the migration lock itself: what
   * an instance that waited for another's upgrade finds once it has the lock.
   */
  boolean matchesWhileLocked(Connection connection) throws SQLException {
    if (!SchemaTables.exists(connection, TABLE)) {
      return false;
    }
    Optional<String> files = changeLogDigest();
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
    Optional<String> files = changeLogDigest();
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

  /** The digest of every file the changelog reads, or empty when they cannot all be found. */
  private Optional<String> changeLogDigest() {
    MessageDigest digest = sha256();
    Set<String> visited = new LinkedHashSet<>();
    return visit(changeLog, digest, visited)
        ? Optional.of(HexFormat.of().formatHex(digest.digest()))
        : Optional.empty();
  }

  private boolean visit(String file, MessageDigest digest, Set<String> visited) {
    if (file.contains("${")) {
      return false;
    }
    if (!visited.add(file)) {
      return true;
    }
    byte[] content;
    try (InputStream in = resources.getResourceAsStream(file)) {
      if (in == null) {
        return false;
      }
      content = in.readAllBytes();
    } catch (IOException e) {
      return false;
    }
    digest.update(file.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(content);
    if (!file.endsWith(".xml")) {
      return true;
    }
    String text = new String(content, StandardCharsets.UTF_8);
    if (UNREADABLE.matcher(text).find()) {
      return false;
    }
    Matcher tag = TAG.matcher(text);
    while (tag.find()) {
      Matcher reference = FILE.matcher(" " + tag.group(2));
      if (reference.find()) {
        String target =
            RELATIVE.matcher(" " + tag.group(2)).find()
                ? sibling(file, reference.group(1))
                : reference.group(1);
        if (!visit(target, digest, visited)) {
          return false;
        }
      }
    }
    return true;
  }

  private static String sibling(String file, String relative) {
    Path parent = Path.of(file).getParent();
    Path resolved = parent == null ? Path.of(relative) : parent.resolve(relative);
    return resolved.normalize().toString().replace('\\', '/');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
