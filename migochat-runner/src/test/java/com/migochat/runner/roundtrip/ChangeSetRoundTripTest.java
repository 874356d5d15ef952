package com.migochat.runner.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.downgrade.DataLoss;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every changeset of the changelog, in order: rows in every table, apply it, rows again through the
 * new schema, roll it back, and the schema and every row the old schema can hold must be exactly as
 * they were; then apply it again. A changeset added to the changelog is covered without a change
 * here.
 */
class ChangeSetRoundTripTest {

  private static final int ROWS_PER_TABLE = 5;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyChangeSetRollsBackWithoutLosingARowAndAppliesAgain(Engine engine) throws SQLException {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();
      List<ChangeSetRef> changeSets = runner.status().pending();
      int round = 0;
      for (ChangeSetRef changeSet : changeSets) {
        try (Connection connection = database.connect()) {
          RepresentativeRows.insert(connection, round++, ROWS_PER_TABLE);
        }
        DatabaseState before = stateOf(database);

        assertEquals(List.of(changeSet), runner.upgrade(new UpgradeTarget.Steps(1)).applied());
        try (Connection connection = database.connect()) {
          RepresentativeRows.insert(connection, round++, ROWS_PER_TABLE);
        }
        DatabaseState expectedAfterRollback = stateOf(database).projectedOnto(before);
        assertEquals(
            List.of(changeSet),
            // The rows of what it added go, by design: the rows that were there before stay.
            runner.downgrade(new DowngradeTarget.Steps(1), DataLoss.ALLOW).rolledBack(),
            changeSet.id());

        DatabaseState after = stateOf(database);
        assertEquals(
            before.schema(), after.schema(), "schema after rolling back " + changeSet.id());
        assertEquals(
            expectedAfterRollback.rows(),
            after.rows(),
            "rows after rolling back " + changeSet.id());
        assertEquals(List.of(changeSet), runner.upgrade(new UpgradeTarget.Steps(1)).applied());
      }
      assertTrue(runner.status().atHead());
      assertTrue(changeSets.size() >= 4, "the harness saw " + changeSets);
    }
  }

  private static DatabaseState stateOf(ThrowawayDatabase database) throws SQLException {
    try (Connection connection = database.connect()) {
      return DatabaseState.read(connection);
    }
  }
}
