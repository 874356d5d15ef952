package com.migochat.benchmark;

import com.migochat.runner.history.ChangeLogHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Liquibase's history table of a migrated database, filled with made-up runs up to a number of
 * rows, as a long-lived deployment's would be. The made-up runs are older than the real ones and
 * executed after them in ORDEREXECUTED; no changelog has them, which Liquibase tolerates.
 */
final class SeededHistory {

  private static final String FILL =
      "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE,"
          + " MD5SUM, DESCRIPTION, COMMENTS, LIQUIBASE, DEPLOYMENT_ID)"
          + " SELECT 'bench-' || n, 'benchmark', 'db/bench/' || n || '.xml',"
          + " now() - (? - n + 1) * INTERVAL '1 minute', last.orderexecuted + n, 'EXECUTED',"
          + " '9:' || md5(n::text), 'createTable tableName=t' || n, 'seeded row ' || n,"
          + " '4.33.0', (1000000000 + n / 100)::text"
          + " FROM generate_series(1, ?) n,"
          + " (SELECT COALESCE(MAX(ORDEREXECUTED), 0) AS orderexecuted"
          + " FROM DATABASECHANGELOG) last";

  private SeededHistory() {}

  /** What the history held before and after filling it. */
  record Filled(long migrated, long total) {}

  /**
   * Adds made-up runs until the history has {@code rows} rows; none if it has that many already.
   */
  static Filled fill(DataSource database, int rows) throws SQLException {
    try (Connection connection = database.getConnection()) {
      ChangeLogHistory history = new ChangeLogHistory(connection);
      long migrated = history.count();
      int missing = (int) Math.max(0, rows - migrated);
      if (missing > 0) {
        try (PreparedStatement fill = connection.prepareStatement(FILL);
            Statement analyze = connection.createStatement()) {
          fill.setInt(1, missing);
          fill.setInt(2, missing);
          fill.executeUpdate();
          analyze.execute("ANALYZE DATABASECHANGELOG");
        }
      }
      return new Filled(migrated, history.count());
    }
  }
}
