package com.migochat.migrations.runner;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds the migration lock, as {@link LockHolderGenerator} records it, and whether that holder
 * still runs.
 *
 * @param host the holder's host name
 * @param pid its process id, or null when a tool that does not record it took the lock
 * @param backend its PostgreSQL session's backend process id, or null
 */
record LockHolder(String host, Long pid, Integer backend) {

  static final String PID = " pid ";
  static final String BACKEND = ", postgres backend ";

  private static final Pattern RECORDED =
      Pattern.compile("(\\S+).*? pid (\\d+)(?:, postgres backend (\\d+))?");

  /** Whether the holder runs, as far as can be told. */
  enum Liveness {
    ALIVE,
    DEAD,
    UNKNOWN
  }

  /** This process, as the lock records it: {@code host (address) pid 1234}. */
  static String thisProcess() {
    return localHost() + " (" + localAddress() + ")" + PID + ProcessHandle.current().pid();
  }

  static LockHolder parse(String lockedBy) {
    if (lockedBy == null) {
      return new LockHolder(null, null, null);
    }
    Matcher recorded = RECORDED.matcher(lockedBy);
    if (!recorded.matches()) {
      return new LockHolder(lockedBy.split("\\s", 2)[0], null, null);
    }
    return new LockHolder(
        recorded.group(1),
        Long.valueOf(recorded.group(2)),
        recorded.group(3) == null ? null : Integer.valueOf(recorded.group(3)));
  }

  /**
   * ALIVE or DEAD when it can be told: by the PostgreSQL session that holds the lock, which the
   * server ends when its process dies, or by the process id on this host. UNKNOWN otherwise.
   */
  Liveness liveness(Connection connection, boolean postgres) throws SQLException {
    if (backend != null && postgres) {
      try (PreparedStatement session =
          connection.prepareStatement("SELECT 1 FROM pg_stat_activity WHERE pid = ?")) {
        session.setInt(1, backend);
        try (ResultSet row = session.executeQuery()) {
          return row.next() ? Liveness.ALIVE : Liveness.DEAD;
        }
      }
    }
    if (pid != null && localHost().equals(host)) {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
          ? Liveness.ALIVE
          : Liveness.DEAD;
    }
    return Liveness.UNKNOWN;
  }

  static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String localAddress() {
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      return "127.0.0.1";
    }
  }
}
