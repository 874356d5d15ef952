package com.migochat.runner.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.GeneratedChangeLogs;
import com.migochat.runner.testing.SchemaAndHistory;
import com.migochat.runner.testing.StockLiquibase;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.validation.ValidationFinding;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two branches met: branch A's changeset ran, then branch B's, which sorts before it, arrived with
 * the merge. Upgrade refuses it unless allowed, and even allowed refuses it when it touches a table
 * that branch A's changeset touched.
 */
class OutOfOrderUpgradeTest {

  private static final String BEFORE =
      changeSet(
          "20250101_0000_create_people",
          "<createTable tableName='people'>"
              + "<column name='id' type='BIGINT'/><column name='name' type='VARCHAR(50)'/>"
              + "</createTable>");
  private static final String BRANCH_A =
      changeSet(
          "20250301_0000_create_orders",
          "<createTable tableName='orders'>"
              + "<column name='id' type='BIGINT'/><column name='total' type='INT'/></createTable>");
  private static final String NEXT =
      changeSet(
          "20250401_0000_create_invoices",
          "<createTable tableName='invoices'><column name='id' type='BIGINT'/></createTable>");

  @Test
  void byDefaultTheMergedChangeSetIsRefusedNamingItAndTheAppliedOneItSortsBefore()
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      String changeLog = branchAApplied(database, files);
      files.write(
          "changelog.xml",
          GeneratedChangeLogs.xmlWithSchema(BEFORE + branchB("people") + BRANCH_A + NEXT));
      List<String> before = history(database);

      MigrationException refused =
          assertThrows(MigrationException.class, () -> database.runner(changeLog).upgrade());

      assertEquals(MigrationError.OUT_OF_ORDER, refused.failure().error());
      String message = refused.getMessage();
      assertTrue(
          message.contains("20250201_0000_branch_b")
              && message.contains("sorts before the applied 20250301_0000_create_orders")
              && message.contains("allow-out-of-order")
              && message.contains("move its include after 20250301_0000_create_orders"),
          message);
      assertEquals(before, history(database));
      ValidationFinding onTheConsole =
          database.runner(changeLog).overview().drift().stream()
              .filter(finding -> finding.kind() == ValidationFinding.Kind.OUT_OF_ORDER)
              .findFirst()
              .orElseThrow();
      assertEquals("20250201_0000_branch_b", onTheConsole.changeSet().id());
      assertTrue(onTheConsole.fix().startsWith("upgrade refuses it"), onTheConsole.fix());
    }
  }

  @Test
  void allowedAndTouchingOnlyItsOwnTablesItRunsAsStockLiquibaseRunsIt() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        ThrowawayDatabase stock = ThrowawayDatabase.postgres();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      String changeLog = branchAApplied(database, files);
      StockLiquibase.update(stock, changeLog);
      files.write(
          "changelog.xml",
          GeneratedChangeLogs.xmlWithSchema(BEFORE + branchB("people") + BRANCH_A + NEXT));

      List<String> applied =
          new MigrationRunner(
                  database.configure().changeLog(changeLog).allowOutOfOrder(true).load())
              .upgrade().applied().stream().map(ChangeSetRef::id).toList();
      StockLiquibase.update(stock, changeLog);

      assertEquals(List.of("20250201_0000_branch_b", "20250401_0000_create_invoices"), applied);
      try (Connection migochat = database.connect();
          Connection stockLiquibase = stock.connect()) {
        assertEquals(SchemaAndHistory.read(stockLiquibase), SchemaAndHistory.read(migochat));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"orders", "<sql>UPDATE orders SET total = 0</sql>"})
  void allowedButTouchingATableTheLaterChangeSetTouchedItIsStillRefused(String touching)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      String changeLog = branchAApplied(database, files);
      files.write(
          "changelog.xml",
          GeneratedChangeLogs.xmlWithSchema(BEFORE + branchB(touching) + BRANCH_A + NEXT));
      List<String> before = history(database);
      MigrationRunner allowing =
          new MigrationRunner(
              database.configure().changeLog(changeLog).allowOutOfOrder(true).load());

      MigrationException refused = assertThrows(MigrationException.class, allowing::upgrade);

      assertEquals(MigrationError.OUT_OF_ORDER, refused.failure().error());
      assertTrue(
          refused.getMessage().contains("20250201_0000_branch_b touches [orders]")
              && refused.getMessage().contains("move its include after"),
          refused.getMessage());
      assertEquals(before, history(database));
    }
  }

  @Test
  void anEditedRunOnChangeChangeSetRunsAgainWhereItStandsWithoutBeingAllowed() throws Exception {
    String view =
        "<changeSet id='20250102_0000_people_view' author='test' runOnChange='true'>"
            + "<createView viewName='people_names' replaceIfExists='true'>%s</createView>"
            + "</changeSet>\n";
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      String changeLog =
          files.write(
              "changelog.xml",
              GeneratedChangeLogs.xmlWithSchema(
                  BEFORE + view.formatted("SELECT name FROM people") + BRANCH_A));
      database.runner(changeLog).upgrade();
      files.write(
          "changelog.xml",
          GeneratedChangeLogs.xmlWithSchema(
              BEFORE + view.formatted("SELECT name, id FROM people") + BRANCH_A));

      List<String> applied =
          database.runner(changeLog).upgrade().applied().stream().map(ChangeSetRef::id).toList();

      assertEquals(List.of("20250102_0000_people_view"), applied);
    }
  }

  /** Branch A's changelog, applied: people, then orders. */
  private static String branchAApplied(ThrowawayDatabase database, GeneratedChangeLogs files) {
    String changeLog =
        files.write("changelog.xml", GeneratedChangeLogs.xmlWithSchema(BEFORE + BRANCH_A));
    database.runner(changeLog).upgrade();
    return changeLog;
  }

  /** Branch B's changeset: a column on {@code table}, or the change given. */
  private static String branchB(String tableOrChange) {
    return changeSet(
        "20250201_0000_branch_b",
        tableOrChange.startsWith("<")
            ? tableOrChange
            : "<addColumn tableName='"
                + tableOrChange
                + "'>"
                + "<column name='note' type='VARCHAR(20)'/></addColumn>");
  }

  private static String changeSet(String id, String change) {
    return "<changeSet id='" + id + "' author='test'>" + change + "</changeSet>\n";
  }

  private static List<String> history(ThrowawayDatabase database) throws Exception {
    try (Connection connection = database.connect()) {
      return SchemaAndHistory.read(connection).history();
    }
  }
}
