package com.migochat.runner.hazard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.hazard.HazardFinding.Severity;
import com.migochat.runner.testing.GeneratedChangeLogs;
import com.migochat.runner.testing.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per rule, each on a populated table (the finding blocks, nothing changes) and on an
 * empty one (informational, the changeset runs). The threshold is set to 100 rows and the tables
 * get 200, so no test needs a big table.
 */
class LockHazardTest {

  private static final long THRESHOLD = 100;
  private static final String SCHEMA =
      "CREATE TABLE p (id BIGINT PRIMARY KEY);"
          + " CREATE TABLE t (id BIGINT PRIMARY KEY, a INT, b VARCHAR(20), p_id BIGINT);"
          + " CREATE INDEX t_a ON t (a)";
  private static final String ROWS =
      "INSERT INTO p SELECT g FROM generate_series(1, 200) g;"
          + " INSERT INTO t SELECT g, g, 'x' || g, g FROM generate_series(1, 200) g";

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(
            "index-not-concurrent",
            "<createIndex tableName='t' indexName='t_b'><column name='b'/></createIndex>"),
        Arguments.of("index-not-concurrent", "<sql>DROP INDEX t_a</sql>"),
        Arguments.of(
            "column-volatile-default",
            "<addColumn tableName='t'><column name='u' type='UUID' defaultValueComputed='gen_random_uuid()'/></addColumn>"),
        Arguments.of(
            "column-volatile-default",
            "<sql>ALTER TABLE t ADD COLUMN r DOUBLE PRECISION DEFAULT random()</sql>"),
        Arguments.of(
            "column-not-null-no-default", "<sql>ALTER TABLE t ADD COLUMN c INT NOT NULL</sql>"),
        Arguments.of(
            "set-not-null",
            "<addNotNullConstraint tableName='t' columnName='a' columnDataType='INT'/>"),
        Arguments.of("set-not-null", "<sql>ALTER TABLE t ALTER COLUMN a SET NOT NULL</sql>"),
        Arguments.of(
            "constraint-without-not-valid",
            "<addForeignKeyConstraint baseTableName='t' baseColumnNames='p_id' referencedTableName='p' referencedColumnNames='id' constraintName='t_p_fk'/>"),
        Arguments.of(
            "constraint-without-not-valid",
            "<sql>ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a &gt; 0)</sql>"),
        Arguments.of(
            "unique-without-index",
            "<addUniqueConstraint tableName='t' columnNames='b' constraintName='t_b_unique'/>"),
        Arguments.of(
            "column-type-rewrite",
            "<modifyDataType tableName='t' columnName='a' newDataType='BIGINT'/>"),
        Arguments.of("table-rewrite", "<sql>CLUSTER t USING t_a</sql>"),
        Arguments.of("table-rewrite", "<sql>REINDEX TABLE t</sql>"),
        Arguments.of("truncate-cascade", "<sql>TRUNCATE p CASCADE</sql>"),
        Arguments.of(
            "whole-table-dml", "<update tableName='t'><column name='b' value='y'/></update>"),
        Arguments.of("whole-table-dml", "<sql>DELETE FROM t</sql>"),
        Arguments.of("drop-column", "<dropColumn tableName='t' columnName='b'/>"),
        Arguments.of(
            "rename-column", "<renameColumn tableName='t' oldColumnName='b' newColumnName='c'/>"),
        Arguments.of("drop-table", "<dropTable tableName='t'/>"),
        Arguments.of("rename-table", "<renameTable oldTableName='t' newTableName='t2'/>"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rules")
  void onAPopulatedTableTheFindingBlocksTheUpgradeAndNothingChanges(String rule, String change)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      run(database, SCHEMA + ";" + ROWS);
      MigrationRunner runner = runner(database, files, change, "");
      String before = schemaAndRows(database);

      HazardFinding finding = finding(runner.lint(), rule);
      MigrationException refused = assertThrows(MigrationException.class, runner::upgrade);

      assertEquals(Severity.BLOCKING, finding.severity(), finding.describe());
      assertTrue(finding.size().rows() > THRESHOLD, finding.describe());
      assertTrue(
          finding.line() > 0 && finding.file().endsWith("changelog.xml"), finding.location());
      assertEquals(MigrationError.LOCK_HAZARD, refused.failure().error());
      assertTrue(refused.getMessage().contains("allow-hazard:" + rule), refused.getMessage());
      assertEquals(before, schemaAndRows(database));
      assertEquals(0, appliedHazardChangeSets(database));
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rules")
  void onAnEmptyTableTheFindingIsInformationalAndTheUpgradeRuns(String rule, String change)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      run(database, SCHEMA);
      MigrationRunner runner = runner(database, files, change, "");

      HazardReport report = runner.lint();
      HazardFinding finding = finding(report, rule);

      assertEquals(Severity.INFORMATIONAL, finding.severity(), finding.describe());
      assertTrue(report.passed(), report.toString());
      assertEquals(1, runner.upgrade().applied().size());
    }
  }

  @Test
  void aChangeSetThatOptsInWithTheRulesLabelRunsOnAPopulatedTable() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      run(database, SCHEMA + ";" + ROWS + "; ANALYZE t");
      MigrationRunner runner =
          runner(
              database,
              files,
              "<createIndex tableName='t' indexName='t_b'><column name='b'/></createIndex>",
              "allow-hazard:index-not-concurrent");

      HazardFinding finding = finding(runner.lint(), "index-not-concurrent");

      assertEquals(Severity.OPTED_IN, finding.severity());
      assertEquals("about 200 rows", finding.size().describe());
      assertTrue(finding.size().bytes() > 0, finding.describe());
      assertEquals(1, runner.upgrade().applied().size());
      assertTrue(schemaAndRows(database).contains("t_b"));
    }
  }

  @Test
  void vacuumFullIsReadFromTheLexerAndTheSafeFormsAreNotReported() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      run(database, SCHEMA + ";" + ROWS);
      MigrationRunner runner =
          runner(
              database,
              files,
              "<sql>VACUUM (FULL, ANALYZE) t; REINDEX TABLE CONCURRENTLY t;"
                  + " CREATE INDEX CONCURRENTLY t_b ON t (b);"
                  + " ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a &gt; 0) NOT VALID;"
                  + " ALTER TABLE t VALIDATE CONSTRAINT t_a_positive</sql>",
              "");

      HazardReport report = runner.lint();

      assertEquals(
          "table-rewrite BLOCKING t, unparsed-statement INFORMATIONAL null",
          String.join(
              ", ",
              report.findings().stream()
                  .map(f -> f.ruleId() + " " + f.severity() + " " + f.table())
                  .toList()));
    }
  }

  @Test
  void theShippedChangeLogPassesOnPopulatedTables() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner =
          new MigrationRunner(database.configure().hazardRows(THRESHOLD).load());
      HazardReport fresh = runner.lint();
      assertTrue(fresh.passed(), fresh.toString());
      assertEquals(
          TableSize.Source.CREATED_BY_CHANGESET,
          finding(fresh, "index-not-concurrent").size().source(),
          fresh.toString());
      runner.upgrade(new com.migochat.runner.upgrade.UpgradeTarget.Steps(3));
      run(
          database,
          "INSERT INTO users (psid, first_name, last_name, created_at, updated_at)"
              + " SELECT 'psid' || g, 'F' || g, 'L' || g, now(), now() FROM generate_series(1, 200) g");

      HazardReport report = runner.lint();

      assertTrue(report.passed(), report.toString());
      assertTrue(finding(report, "whole-table-dml").severity() == Severity.OPTED_IN);
      runner.upgrade();
    }
  }

  private static HazardFinding finding(HazardReport report, String rule) {
    return report.findings().stream()
        .filter(finding -> finding.ruleId().equals(rule))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + rule + " in " + report));
  }

  private static MigrationRunner runner(
      ThrowawayDatabase database, GeneratedChangeLogs files, String change, String labels) {
    String changeLog =
        files.write(
            "changelog.xml",
            GeneratedChangeLogs.xml(
                "\n<changeSet id='hazard' author='test' labels='"
                    + labels
                    + "'>\n"
                    + change
                    + "\n</changeSet>"));
    return new MigrationRunner(
        database.configure().changeLog(changeLog).hazardRows(THRESHOLD).load());
  }

  private static void run(ThrowawayDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long appliedHazardChangeSets(ThrowawayDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT CASE WHEN to_regclass('databasechangelog') IS NULL THEN 0 ELSE"
                    + " (xpath('/row/n/text()', query_to_xml('SELECT count(*) AS n FROM"
                    + " databasechangelog WHERE id = ''hazard''', false, true, '')))[1]::text::bigint"
                    + " END")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Columns, indexes, constraints and every row of p and t, as text. */
  private static String schemaAndRows(ThrowawayDatabase database) throws SQLException {
    String sql =
        "SELECT string_agg(x, '; ' ORDER BY x) FILTER (WHERE x NOT LIKE 'databasechangelog%') FROM ("
            + " SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS x"
            + "   FROM information_schema.columns WHERE table_schema = 'public'"
            + "   AND table_name NOT LIKE 'databasechangelog%'"
            + " UNION ALL SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'"
            + " UNION ALL SELECT conname || ' ' || convalidated FROM pg_constraint c JOIN pg_namespace n"
            + "   ON n.oid = c.connamespace WHERE n.nspname = 'public'"
            + " UNION ALL SELECT 'rows ' || (SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM t)"
            + "   || (SELECT count(*) FROM p)) s";
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }
}
