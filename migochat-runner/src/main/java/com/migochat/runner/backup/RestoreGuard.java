package com.migochat.runner.backup;

import com.migochat.runner.lock.LockState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a restore while the application may still be using the database: while the migration lock
 * is held, or while other sessions are connected to it. A restore replaces every table under a
 * running application's feet, and whatever it writes meanwhile is lost.
 */
final class RestoreGuard {

  private static final String POSTGRES_SESSIONS =
      "SELECT pid, usename, application_name, client_addr, backend_start FROM pg_stat_activity"
          + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
          + " AND backend_type = 'client backend' ORDER BY backend_start";
  private static final String H2_SESSIONS =
      "SELECT SESSION_ID, USER_NAME, CLIENT_INFO, CLIENT_ADDR, SESSION_START"
          + " FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
          + " ORDER BY SESSION_START";

  private RestoreGuard() {}

  /** Throws RESTORE_REFUSED, saying who is there and what to do, unless the database is idle. */
  static void check(Connection connection, boolean postgres, String database) throws SQLException {
    LockState lock = LockState.read(connection);
    if (lock.locked()) {
      throw DatabaseBackup.refused(
          "the migration lock of database "
              + database
              + " is held by "
              + lock.lockedBy()
              + " since "
              + lock.since()
              + ": a migration is running, or one died and left the lock",
          "wait for that migration to finish; if its process is gone, run 'migochat unlock'"
              + " first. Nothing was changed");
    }
    List<String> sessions = otherSessions(connection, postgres);
    if (!sessions.isEmpty()) {
      throw DatabaseBackup.refused(
          sessions.size()
              + " other session"
              + (sessions.size() == 1 ? " is" : "s are")
              + " connected to database "
              + database
              + ": "
              + String.join("; ", sessions),
          "stop every instance of the application and every other client of this database, then"
              + " run restore again"
              + (postgres
                  ? " (SELECT * FROM pg_stat_activity WHERE datname = '"
                      + database
                      + "' lists them)"
                  : "")
              + ". Nothing was changed");
    }
  }

  private static List<String> otherSessions(Connection connection, boolean postgres)
      throws SQLException {
    List<String> sessions = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(postgres ? POSTGRES_SESSIONS : H2_SESSIONS)) {
      while (row.next()) {
        sessions.add(
            (postgres ? "pid " : "session ")
                + row.getString(1)
                + " (user "
                + row.getString(2)
                + (blank(row.getString(3)) ? "" : ", application '" + row.getString(3) + "'")
                + (blank(row.getString(4)) ? "" : ", from " + row.getString(4))
                + ", since "
                + row.getString(5)
                + ")");
      }
    }
    return sessions;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
