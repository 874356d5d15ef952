package com.migochat.benchmark;

import com.migochat.runner.schema.ScratchDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The full_name data migration (see {@link SyntheticChangeLogs#fullName}) over a table of many
 * people, each run on a database of its own; into {@link Results}, with the rows as N.
 *
 * @param target the server each run gets a new database on
 * @param steps runs each migration in a JVM of its own
 * @param results where each run's time goes
 */
record DataMigration(BenchmarkTarget target, StepProcess steps, Results results) {

  static final String OPERATION = "data migration";

  /**
   * One run of {@code contender} on {@code rows} people, with the migration in {@code fullName}.
   */
  void measure(Contender contender, int rows, int run, Path fullName)
      throws IOException, InterruptedException, SQLException {
    try (ScratchDatabase database = target.scratch()) {
      people(database, rows);
      results.add(
          OPERATION, rows, contender, run, steps.time(contender, database, fullName).seconds());
    }
  }

  private static void people(ScratchDatabase database, int rows) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement create = connection.createStatement();
        PreparedStatement fill =
            connection.prepareStatement(
                "INSERT INTO people SELECT g, 'First ' || g,"
                    + " CASE WHEN g % 10 = 0 THEN NULL ELSE 'Last ' || g END"
                    + " FROM generate_series(1, ?) g")) {
      create.execute(
          "CREATE TABLE people (id BIGINT PRIMARY KEY, first_name VARCHAR(100),"
              + " last_name VARCHAR(100))");
      fill.setInt(1, rows);
      fill.executeUpdate();
    }
  }
}
