package com.migochat.runner.downgrade;

import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.status.StatusReport;
import java.time.Instant;
import java.util.List;

/**
 * How far a downgrade goes. Every applied changeset after the target is rolled back, newest first.
 */
public sealed interface DowngradeTarget {

  /** The {@code count} most recently applied changesets. */
  record Steps(int count) implements DowngradeTarget {}

  /** Everything applied after this changeset; the changeset itself stays. */
  record ToChangeSet(String id) implements DowngradeTarget {}

  /** Everything applied after the changeset that carries this tag. */
  record ToTag(String tag) implements DowngradeTarget {}

  /** Everything applied after this moment. */
  record ToDate(Instant date) implements DowngradeTarget {}

  /** Everything: an empty schema, as before the first changeset. */
  record Base() implements DowngradeTarget {}

  /**
   * Reads {@code -N}, {@code base}, {@code tag:NAME}, {@code date:2025-05-27T11:00:00Z} or a
   * changeset id, the way Alembic reads revisions.
   */
  static DowngradeTarget parse(String text) {
    if (text.matches("-\\d+")) {
      return new Steps(Integer.parseInt(text.substring(1)));
    }
    if (text.equals("base")) {
      return new Base();
    }
    if (text.startsWith("tag:")) {
      return new ToTag(text.substring("tag:".length()));
    }
    if (text.startsWith("date:")) {
      return new ToDate(Instant.parse(text.substring("date:".length())));
    }
    return new ToChangeSet(text);
  }

  /**
   * How many applied changesets, newest first, must be rolled back to reach this target from {@code
   * status}. Refuses a target that is pending, unknown or beyond the history.
   */
  default int stepsFrom(StatusReport status) {
    List<ChangeSetRun> history = status.history();
    if (this instanceof Steps steps) {
      if (steps.count() > history.size()) {
        throw problem(
            "cannot downgrade by " + steps.count() + ": only " + history.size() + " applied",
            "downgrade to base to roll back everything");
      }
      return steps.count();
    }
    if (this instanceof ToChangeSet to) {
      int index = StatusReport.indexOf(status.applied(), to.id());
      if (index >= 0) {
        return index;
      }
      if (StatusReport.indexOf(status.pending(), to.id()) >= 0) {
        throw problem(
            "changeset " + to.id() + " is ahead of the database: it has not been applied",
            "upgrade to it instead, or pick an applied changeset from 'history'");
      }
      throw MigrationException.unknownChangeSet(to.id());
    }
    if (this instanceof ToTag to) {
      for (int index = 0; index < history.size(); index++) {
        if (to.tag().equals(history.get(index).tag())) {
          return index;
        }
      }
      throw problem(
          "no applied changeset carries the tag '" + to.tag() + "'",
          "list the tags with 'history'");
    }
    if (this instanceof ToDate to) {
      return (int)
          history.stream()
              .filter(run -> run.executedAt() != null && run.executedAt().isAfter(to.date()))
              .count();
    }
    return history.size();
  }

  private static MigrationException problem(String what, String action) {
    return MigrationException.because(MigrationError.UNKNOWN_TARGET, what, action);
  }
}
