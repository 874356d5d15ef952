package com.migochat.runner.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * A PostgreSQL session, named by its backend process id and start: a backend id alone may be reused
 * by a later session, the pair never is. PostgreSQL ends a session as soon as its client's
 * connection drops, so a session that is gone proves that the migration it ran is gone too.
 *
 * <p>Only when each transaction of a connection runs in the same session: behind a pooler in
 * transaction mode (PgBouncer's {@code pool_mode = transaction}) the session belongs to the pooler,
 * outlives the migration and may end while the migration still runs. {@link #of} notices such a
 * pooler (the backend changes between two transactions of one connection) and then names no
 * session.
 *
 * @param backend the backend process id
 * @param started when the session started, in UTC to the microsecond
 */
public record PostgresSession(int backend, String started) {

  /** The session start as text, so that the lock records it readably and compares it exactly. */
  static final String STARTED =
      "to_char(backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

  private static final Logger LOG = Logger.getLogger(PostgresSession.class.getName());
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  /**
   * The session behind {@code connection}, or empty when each transaction may run in another one.
   * Ends the connection's current transaction: call it where nothing is pending.
   */
  public static Optional<PostgresSession> of(Connection connection) throws SQLException {
    PostgresSession first;
    try (Statement query = connection.createStatement();
        ResultSet row =
            query.executeQuery(
                "SELECT pid, " + STARTED + " FROM pg_stat_activity WHERE pid = pg_backend_pid()")) {
      if (!row.next()) {
        return Optional.empty();
      }
      first = new PostgresSession(row.getInt(1), row.getString(2));
    }
    endTransaction(connection);
    int second;
    try (Statement query = connection.createStatement();
        ResultSet row = query.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      second = row.getInt(1);
    }
    endTransaction(connection);
    if (second != first.backend()) {
      warnOnce(first.backend(), second);
      return Optional.empty();
    }
    return Optional.of(first);
  }

  /**
   * ALIVE while the session runs, DEAD once it has ended (its backend id is free, or taken by a
   * session that started at another time), UNKNOWN when the database does not show its start to
   * this user (another role's session, without {@code pg_read_all_stats}).
   */
  LockHolder.Liveness liveness(Connection connection) throws SQLException {
    try (PreparedStatement session =
        connection.prepareStatement("SELECT " + STARTED + " FROM pg_stat_activity WHERE pid = ?")) {
      session.setInt(1, backend);
      try (ResultSet row = session.executeQuery()) {
        if (!row.next()) {
          return LockHolder.Liveness.DEAD;
        }
        String running = row.getString(1);
        if (running == null || started == null) {
          return LockHolder.Liveness.UNKNOWN;
        }
        return running.equals(started) ? LockHolder.Liveness.ALIVE : LockHolder.Liveness.DEAD;
      }
    }
  }

  private static void endTransaction(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
  }

  private static void warnOnce(int first, int second) {
    if (WARNED.compareAndSet(false, true)) {
      LOG.warning(
          "PostgreSQL ran two transactions of one connection in two sessions (backends "
              + first
              + " and "
              + second
              + "): a pooler in transaction mode sits between Migochat and the database. The"
              + " migration lock therefore records no session, and a lock left by a killed"
              + " migration is released only when its process can be checked on this machine."
              + " Migrations need a session of their own: point migochat.db.url at PostgreSQL"
              + " itself, or at a pooler port in session mode.");
    }
  }
}
