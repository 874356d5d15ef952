package com.migochat.runner.upgrade;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.history.ChangeLogHistory;
import com.migochat.runner.liquibase.LiquibaseSession;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

/**
 * Stops an upgrade from applying pending changesets that sort before applied ones (two branches
 * met, Alembic's two heads), before anything runs. Allowed ({@code
 * migochat.migrations.allow-out-of-order}), they run where stock Liquibase runs them, but only when
 * they touch no table that a changeset applied after them touched: otherwise they would change a
 * table that already has what was meant to come after them. A changeset with a context or labels is
 * not judged: an earlier upgrade's filter may have left it out on purpose, as Liquibase users do
 * with test data or per-environment changes.
 *
 * @param session the session the upgrade works through
 * @param allowed whether out-of-order changesets may run at all
 */
record OutOfOrderGuard(LiquibaseSession session, boolean allowed) {

  private static final Logger LOG = Logger.getLogger(Upgrade.class.getName());

  /** A pending changeset, and the applied changesets it sorts before. */
  record Late(ChangeSet changeSet, List<ChangeSet> appliedAfter) {

    String describe() {
      return ChangeSetRef.of(changeSet)
          + " sorts before the applied "
          + appliedAfter.stream().map(ChangeSet::getId).collect(Collectors.joining(", "));
    }
  }

  /**
   * Refuses {@code next}, the pending changesets of {@code changeLog} about to be applied, if they
   * are out of order and not allowed.
   */
  void check(
      Connection connection, Database database, DatabaseChangeLog changeLog, List<ChangeSet> next)
      throws Exception {
    List<ChangeSetRun> history = new ChangeLogHistory(connection).newestFirst();
    LiquibaseSession.restoreAutoCommit(connection);
    List<Late> late = find(changeLog.getChangeSets(), next, history);
    if (late.isEmpty()) {
      return;
    }
    // An edited applied changeset is the deeper problem: reported first, as the update would.
    changeLog.validate(
        database, new Contexts(session.configuration().contexts()), new LabelExpression());
    LiquibaseSession.restoreAutoCommit(connection);
    String listed = late.stream().map(Late::describe).collect(Collectors.joining("; "));
    if (!allowed) {
      throw refused(
          late,
          late.size()
              + " pending changeset(s) sort before changesets already applied (two branches met): "
              + listed,
          "if it depends on nothing applied after it, allow it with"
              + " migochat.migrations.allow-out-of-order=true (CLI --allow-out-of-order; it then"
              + " runs only if it touches no table those changesets touched); ");
    }
    List<String> conflicts = new ArrayList<>();
    for (Late one : late) {
      TouchedTables own = TouchedTables.of(one.changeSet(), database);
      Set<String> later = new TreeSet<>();
      List<String> unreadable = new ArrayList<>(own.unreadable());
      for (ChangeSet after : one.appliedAfter()) {
        TouchedTables touched = TouchedTables.of(after, database);
        later.addAll(touched.tables());
        unreadable.addAll(touched.unreadable());
      }
      later.retainAll(own.tables());
      if (!later.isEmpty()) {
        conflicts.add(one.changeSet().getId() + " touches " + later + ", as the later ones did");
      } else if (!unreadable.isEmpty()) {
        conflicts.add(
            one.changeSet().getId() + ": cannot tell which tables " + unreadable + " touch");
      }
    }
    if (!conflicts.isEmpty()) {
      throw refused(
          late,
          "out-of-order changesets are allowed, but not these: "
              + String.join("; ", conflicts)
              + " ("
              + listed
              + ")",
          "");
    }
    LOG.info(
        () ->
            "Applying "
                + late.size()
                + " changeset(s) out of order, as migochat.migrations.allow-out-of-order allows;"
                + " they touch no table the changesets applied after them touched: "
                + listed);
  }

  private static List<Late> find(
      List<ChangeSet> changeLog, List<ChangeSet> toApply, List<ChangeSetRun> history) {
    Set<ChangeSetRef> applied =
        history.stream().map(ChangeSetRun::changeSet).collect(Collectors.toSet());
    List<Late> late = new ArrayList<>();
    for (ChangeSet changeSet : toApply) {
      if (applied.contains(ChangeSetRef.of(changeSet))) {
        continue; // runAlways or runOnChange: it runs again where it stands, as it did before
      }
      if (filtered(changeSet)) {
        continue; // an earlier run's context or label filter may have left it out on purpose
      }
      int index = changeLog.indexOf(changeSet);
      List<ChangeSet> after =
          changeLog.subList(index + 1, changeLog.size()).stream()
              .filter(later -> applied.contains(ChangeSetRef.of(later)))
              .toList();
      if (!after.isEmpty()) {
        late.add(new Late(changeSet, after));
      }
    }
    return late;
  }

  /** Whether the changeset has a context or labels, its own or from an include. */
  private static boolean filtered(ChangeSet changeSet) {
    return (changeSet.getContextFilter() != null && !changeSet.getContextFilter().isEmpty())
        || (changeSet.getLabels() != null && !changeSet.getLabels().isEmpty())
        || changeSet.getInheritableContextFilter().stream().anyMatch(context -> !context.isEmpty())
        || changeSet.getInheritableLabels().stream().anyMatch(labels -> !labels.isEmpty());
  }

  private static MigrationException refused(List<Late> late, String what, String allowHint) {
    List<ChangeSet> last = late.get(late.size() - 1).appliedAfter();
    String lastApplied = last.get(last.size() - 1).getId();
    return MigrationException.because(
        MigrationError.OUT_OF_ORDER,
        "nothing was migrated: " + what,
        allowHint
            + "otherwise reorder: move its include after "
            + lastApplied
            + " and give its file and id a later date-time name (YYYYMMDD_HHMM_<slug>), which"
            + " is safe while it has run on no database; then upgrade again");
  }
}
