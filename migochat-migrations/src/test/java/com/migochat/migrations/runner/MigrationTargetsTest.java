package com.migochat.migrations.runner;

import static com.migochat.migrations.runner.MigrationRunnerTest.CHANGELOG_IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.migrations.testing.ThrowawayDatabase;
import com.migochat.migrations.testing.ThrowawayDatabase.Engine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Upgrades and downgrades to the targets Alembic users know: ids, counts, tags, dates, base. */
class MigrationTargetsTest {

  private static final int LAST = CHANGELOG_IDS.size() - 1;

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
      MigrationRunner runner =
          new MigrationRunner(database.dataSource(), MigrationSettings.defaults());

      assertEquals(
          CHANGELOG_IDS.subList(0, 2),
          ids(runner.upgrade(UpgradeTarget.parse(CHANGELOG_IDS.get(1))).applied()));
      assertEquals(
          List.of(CHANGELOG_IDS.get(2)), ids(runner.upgrade(UpgradeTarget.parse("+1")).applied()));
      assertTrue(runner.upgrade(UpgradeTarget.parse(CHANGELOG_IDS.get(0))).nothingApplied());
      assertEquals(CHANGELOG_IDS.subList(3, LAST + 1), ids(runner.upgrade().applied()));

      assertEquals(
          newestFirst(CHANGELOG_IDS.subList(2, LAST + 1)),
          ids(runner.downgrade(DowngradeTarget.parse(CHANGELOG_IDS.get(1))).rolledBack()));
      assertEquals(List.of(CHANGELOG_IDS.get(1), CHANGELOG_IDS.get(0)), appliedIds(runner));
      assertEquals(
          List.of(CHANGELOG_IDS.get(1), CHANGELOG_IDS.get(0)),
          ids(runner.downgrade(DowngradeTarget.parse("base")).rolledBack()));
      assertEquals(List.of(), appliedIds(runner));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aTaggedStateAndAMomentCanBeReturnedTo(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner =
          new MigrationRunner(database.dataSource(), MigrationSettings.defaults());
      runner.upgrade(new UpgradeTarget.Steps(2));
      TagResult tag = runner.tag("release-1");
      Instant afterTag = Instant.now();
      runner.upgrade();

      assertEquals(CHANGELOG_IDS.get(1), tag.changeSet().id());
      assertEquals("release-1", runner.status().latestTag().orElseThrow());
      assertEquals(
          newestFirst(CHANGELOG_IDS.subList(2, LAST + 1)),
          ids(runner.downgrade(DowngradeTarget.parse("tag:release-1")).rolledBack()));
      runner.upgrade();
      assertEquals(
          newestFirst(CHANGELOG_IDS.subList(2, LAST + 1)),
          ids(runner.downgrade(new DowngradeTarget.ToDate(afterTag)).rolledBack()));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void sqlPreviewsShowTheStatementsAndChangeNothing(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner =
          new MigrationRunner(database.dataSource(), MigrationSettings.defaults());
      runner.upgrade(new UpgradeTarget.Steps(3));

      SqlPreview up = runner.upgradeSql(new UpgradeTarget.Head());
      SqlPreview down = runner.downgradeSql(DowngradeTarget.parse("-2"));

      assertEquals(CHANGELOG_IDS.subList(3, LAST + 1), ids(up.changeSets()));
      assertTrue(up.sql().toLowerCase().contains("full_name"), up.sql());
      assertEquals(List.of(CHANGELOG_IDS.get(2), CHANGELOG_IDS.get(1)), ids(down.changeSets()));
      assertTrue(down.sql().toLowerCase().contains("drop table"), down.sql());
      assertEquals(
          List.of(CHANGELOG_IDS.get(2), CHANGELOG_IDS.get(1), CHANGELOG_IDS.get(0)),
          appliedIds(runner));
      assertEquals(CHANGELOG_IDS.subList(3, LAST + 1), ids(runner.status().pending()));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void historyIsReadOnePageAtATimeNewestFirst(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner =
          new MigrationRunner(database.dataSource(), MigrationSettings.defaults());
      runner.upgrade();

      HistoryPage first = runner.history(0, 3);
      HistoryPage second = runner.history(1, 3);

      assertEquals(CHANGELOG_IDS.size(), first.total());
      assertEquals(
          newestFirst(CHANGELOG_IDS.subList(LAST - 2, LAST + 1)),
          first.runs().stream().map(run -> run.changeSet().id()).toList());
      assertEquals(
          newestFirst(CHANGELOG_IDS.subList(LAST - 5, LAST - 2)),
          second.runs().stream().map(run -> run.changeSet().id()).toList());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void targetsOutsideTheHistoryAreRefusedWithTheirReason(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner =
          new MigrationRunner(database.dataSource(), MigrationSettings.defaults());
      runner.upgrade(new UpgradeTarget.Steps(1));

      MigrationException unknown =
          assertThrows(
              MigrationException.class, () -> runner.upgrade(UpgradeTarget.parse("no_such_id")));
      MigrationException tooFar =
          assertThrows(MigrationException.class, () -> runner.upgrade(UpgradeTarget.parse("+9")));
      MigrationException ahead =
          assertThrows(
              MigrationException.class,
              () -> runner.downgrade(DowngradeTarget.parse(CHANGELOG_IDS.get(3))));
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
