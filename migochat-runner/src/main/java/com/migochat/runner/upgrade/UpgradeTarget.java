package com.migochat.runner.upgrade;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.status.StatusReport;
import java.util.List;

/**
 * How far an upgrade goes: to the head of the changelog, up to and including one changeset, or a
 * number of changesets.
 */
public sealed interface UpgradeTarget {

  /** Every pending changeset. */
  record Head() implements UpgradeTarget {}

  /** The next {@code count} pending changesets. */
  record Steps(int count) implements UpgradeTarget {}

  /** The pending changesets up to and including the one with this id. */
  record ToChangeSet(String id) implements UpgradeTarget {}

  /** Reads {@code head}, {@code +N} or a changeset id, the way Alembic reads revisions. */
  static UpgradeTarget parse(String text) {
    if (text == null || text.isBlank() || text.equals("head")) {
      return new Head();
    }
    if (text.matches("\\+\\d+")) {
      return new Steps(Integer.parseInt(text.substring(1)));
    }
    return new ToChangeSet(text);
  }

  /**
   * How many pending changesets, in changelog order, reach this target from {@code status}: 0 when
   * it is applied already. Refuses a target that is not in the changelog or beyond it.
   */
  default int stepsFrom(StatusReport status) {
    List<ChangeSetRef> pending = status.pending();
    if (this instanceof Steps steps) {
      if (steps.count() > pending.size()) {
        throw MigrationException.because(
            MigrationError.UNKNOWN_TARGET,
            "cannot upgrade by " + steps.count() + ": only " + pending.size() + " pending",
            "list them with 'heads', or upgrade to head");
      }
      return steps.count();
    }
    if (this instanceof ToChangeSet to) {
      int index = StatusReport.indexOf(pending, to.id());
      if (index >= 0) {
        return index + 1;
      }
      if (StatusReport.indexOf(status.applied(), to.id()) >= 0) {
        return 0;
      }
      throw MigrationException.unknownChangeSet(to.id());
    }
    return pending.size();
  }
}
