package com.migochat.runner.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetDetails;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.testing.SchemaAndHistory;
import com.migochat.runner.testing.StockLiquibase;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A changelog whose changesets carry {@code context="test"} and labels: upgrade, the pending list,
 * the version, the console's overview and the SQL preview all apply the context and label filters,
 * and select exactly what stock Liquibase's {@code update --contexts --label-filter} applies.
 */
class ChangeSetFiltersTest {

  private static final String CHANGELOG = "db/test/filtered-changelog.xml";

  @Test
  void pendingStatusPreviewAndUpgradeSelectWhatStockLiquibaseAppliesWithTheSameFilters()
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        ThrowawayDatabase stock = ThrowawayDatabase.postgres()) {
      MigrationRunner production = runner(database, "production", "reporting");
      List<String> selected = List.of("filtered_people", "filtered_reports");

      assertEquals(selected, ids(production.status().pending()));
      assertEquals(selected.size(), production.current().pending());
      assertEquals(
          selected,
          production.overview().pending().stream()
              .map(ChangeSetDetails::changeSet)
              .map(ChangeSetRef::id)
              .toList());
      String sql = production.upgradeSql(new UpgradeTarget.Head()).sql();
      assertTrue(sql.contains("filtered_reports"), sql);
      assertFalse(sql.contains("filtered_audit") || sql.contains("test person"), sql);
      assertEquals(selected, ids(production.upgrade().applied()));
      assertTrue(production.status().atHead());

      StockLiquibase.update(stock, CHANGELOG, "production", "reporting");
      assertEquals(read(stock), read(database));
      assertEquals(
          List.of("filtered_test_people", "filtered_test_reports", "filtered_audit"),
          ids(database.runner(CHANGELOG).status().pending()),
          "without filters, the changesets they left out are pending");
    }
  }

  @Test
  void anUpgradeWithoutTheLabelFilterAppliesWhatTheFilteredUpgradeLeftOut() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      assertEquals(
          List.of("filtered_people", "filtered_reports"),
          ids(runner(database, "production", "reporting").upgrade().applied()));

      MigrationRunner unlabelled = runner(database, "production", "");

      assertEquals(List.of("filtered_audit"), ids(unlabelled.status().pending()));
      assertEquals(List.of("filtered_audit"), ids(unlabelled.upgrade().applied()));
      assertEquals(
          List.of("filtered_test_people", "filtered_test_reports"),
          ids(runner(database, "test", "").upgrade().applied()));
    }
  }

  private static MigrationRunner runner(
      ThrowawayDatabase database, String contexts, String labels) {
    return new MigrationRunner(
        database.configure().changeLog(CHANGELOG).contexts(contexts).labels(labels).load());
  }

  private static List<String> ids(List<ChangeSetRef> changeSets) {
    return changeSets.stream().map(ChangeSetRef::id).toList();
  }

  private static SchemaAndHistory read(ThrowawayDatabase database) throws Exception {
    try (Connection connection = database.connect()) {
      return SchemaAndHistory.read(connection);
    }
  }
}
