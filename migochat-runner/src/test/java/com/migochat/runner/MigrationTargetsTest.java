package com.migochat.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.SqlPreview;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.history.HistoryPage;
import com.migochat.runner.history.HistoryQuery;
import com.migochat.runner.tag.TagResult;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Upgrades and downgrades to the targets Alembic users know: ids, counts, tags, dates, base. */
class MigrationTargetsTest {

  private static final int LAST = ExpectedChangeSets.IDS.size() - 1;

  private static List<String> newestFirst(List<String> ids) {
    List<String> reversed = new ArrayList<>(ids);
    Collections.reverse(reversed);
    return reversed;
  }

  private static List<String> ids(List<ChangeSetRef> changeSets) {
    return changeSets.stream().map(ChangeSetRef::id).toList();
  }

  private static List<String> appliedIds(MigrationRunner runner) {
    return runner.status().history().stream().map(run -> run.changeSet().id()).toList();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void upgradeStopsAtAChangeSetOrAfterACountAndDowngradeReturnsToAChangeSetOrBase(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();

      assertEquals(
          ExpectedChangeSets.IDS.subList(0, 2),
          ids(runner.upgrade(UpgradeTarget.parse(ExpectedChangeSets.IDS.get(1))).applied()));
      assertEquals(
          List.of(ExpectedChangeSets.IDS.get(2)),
          ids(runner.upgrade(UpgradeTarget.parse("+1")).applied()));
      assertTrue(
          runner.upgrade(UpgradeTarget.parse(ExpectedChangeSets.IDS.get(0))).nothingApplied());
      assertEquals(ExpectedChangeSets.IDS.subList(3, LAST + 1), ids(runner.upgrade().applied()));

      assertEquals(
          newestFirst(ExpectedChangeSets.IDS.subList(2, LAST + 1)),
          ids(runner.downgrade(DowngradeTarget.parse(ExpectedChangeSets.IDS.get(1))).rolledBack()));
      assertEquals(
          List.of(ExpectedChangeSets.IDS.get(1), ExpectedChangeSets.IDS.get(0)),
          appliedIds(runner));
      assertEquals(
          List.of(ExpectedChangeSets.IDS.get(1), ExpectedChangeSets.IDS.get(0)),
          ids(runner.downgrade(DowngradeTarget.parse("base")).rolledBack()));
      assertEquals(List.of(), appliedIds(runner));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aTaggedStateAndAMomentCanBeReturnedTo(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();
      runner.upgrade(new UpgradeTarget.Steps(2));
      TagResult tag = runner.tag("release-1");
      Instant afterTag = Instant.now();
      runner.upgrade();

      assertEquals(ExpectedChangeSets.IDS.get(1), tag.changeSet().id());
      assertEquals("release-1", runner.status().latestTag().orElseThrow());
      assertEquals(
          newestFirst(ExpectedChangeSets.IDS.subList(2, LAST + 1)),
          ids(runner.downgrade(DowngradeTarget.parse("tag:release-1")).rolledBack()));
      runner.upgrade();
      assertEquals(
          newestFirst(ExpectedChangeSets.IDS.subList(2, LAST + 1)),
          ids(runner.downgrade(new DowngradeTarget.ToDate(afterTag)).rolledBack()));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void sqlPreviewsShowTheStatementsAndChangeNothing(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();
      runner.upgrade(new UpgradeTarget.Steps(3));

      SqlPreview up = runner.upgradeSql(new UpgradeTarget.Head());
      SqlPreview down = runner.downgradeSql(DowngradeTarget.parse("-2"));

      assertEquals(ExpectedChangeSets.IDS.subList(3, LAST + 1), ids(up.changeSets()));
      assertTrue(up.sql().toLowerCase().contains("full_name"), up.sql());
      assertEquals(
          List.of(ExpectedChangeSets.IDS.get(2), ExpectedChangeSets.IDS.get(1)),
          ids(down.changeSets()));
      assertTrue(down.sql().toLowerCase().contains("drop table"), down.sql());
      assertEquals(
          List.of(
              ExpectedChangeSets.IDS.get(2),
              ExpectedChangeSets.IDS.get(1),
              ExpectedChangeSets.IDS.get(0)),
          appliedIds(runner));
      assertEquals(ExpectedChangeSets.IDS.subList(3, LAST + 1), ids(runner.status().pending()));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void historyIsReadOnePageAtATimeNewestFirst(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();
      runner.upgrade();

      HistoryPage first = runner.history(HistoryQuery.newestFirst(0, 3));
      HistoryPage second = runner.history(HistoryQuery.newestFirst(1, 3));

      assertEquals(ExpectedChangeSets.IDS.size(), first.total());
      assertEquals(
          newestFirst(ExpectedChangeSets.IDS.subList(LAST - 2, LAST + 1)),
          first.runs().stream().map(run -> run.changeSet().id()).toList());
      assertEquals(
          newestFirst(ExpectedChangeSets.IDS.subList(LAST - 5, LAST - 2)),
          second.runs().stream().map(run -> run.changeSet().id()).toList());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void targetsOutsideTheHistoryAreRefusedWithTheirReason(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();
      runner.upgrade(new UpgradeTarget.Steps(1));

      MigrationException unknown =
          assertThrows(
              MigrationException.class, () -> runner.upgrade(UpgradeTarget.parse("no_such_id")));
      MigrationException tooFar =
          assertThrows(MigrationException.class, () -> runner.upgrade(UpgradeTarget.parse("+9")));
      MigrationException ahead =
          assertThrows(
              MigrationException.class,
              () -> runner.downgrade(DowngradeTarget.parse(ExpectedChangeSets.IDS.get(3))));
      MigrationException tooDeep =
          assertThrows(
              MigrationException.class, () -> runner.downgrade(DowngradeTarget.parse("-2")));

      for (MigrationException e : List.of(unknown, tooFar, ahead, tooDeep)) {
        assertEquals(MigrationError.UNKNOWN_TARGET, e.failure().error());
        assertTrue(e.getMessage().contains(". Action: "), e.getMessage());
      }
      assertTrue(unknown.getMessage().contains("no changeset 'no_such_id'"));
      assertTrue(ahead.getMessage().contains("ahead of the database"));
      assertFalse(appliedIds(runner).isEmpty());
    }
  }
}
