package com.migochat.runner.failure;

import com.migochat.runner.changeset.ChangeSetRef;
import java.util.List;
import liquibase.exception.RollbackImpossibleException;

/**
 * Explains a downgrade that stopped at a changeset it could not roll back: what that changeset's
 * rollback left, which changesets of the same run stay rolled back, and how to go on. Nothing in it
 * is about serving or redeploying: a downgrade is an operator's command, not a deployment.
 */
final class RollbackFailureAnalysis {

  private RollbackFailureAnalysis() {}

  static MigrationFailure of(
      Throwable e, ChangeSetRef failed, List<ChangeSetRef> rolledBack, boolean transactionalDdl) {
    String before = rolledBackBefore(rolledBack);
    return FailureAnalysis.firstOf(e, RollbackImpossibleException.class)
        .map(
            impossible ->
                new MigrationFailure(
                    MigrationError.ROLLBACK_IMPOSSIBLE,
                    failed,
                    FailureAnalysis.databaseWords(impossible),
                    "nothing of this changeset was rolled back, it is still applied; "
                        + before
                        + ". Add a <rollback> block to the changeset (an empty <rollback/> if"
                        + " undoing it needs nothing) and downgrade again, or downgrade to a"
                        + " target after it"))
        .orElseGet(
            () ->
                new MigrationFailure(
                    MigrationError.ROLLBACK_FAILED,
                    failed,
                    FailureAnalysis.databaseWords(e),
                    (transactionalDdl
                            ? "the database undid everything this rollback did, so the changeset"
                                + " is still applied; "
                            : "this database commits each DDL statement, so statements of this"
                                + " rollback before the failing one may have been applied while"
                                + " the changeset is still recorded as applied: compare the"
                                + " schema with the changeset; ")
                        + before
                        + ". Fix the changeset's <rollback> and downgrade again, or upgrade to"
                        + " return to head"));
  }

  private static String rolledBackBefore(List<ChangeSetRef> rolledBack) {
    if (rolledBack.isEmpty()) {
      return "this downgrade rolled nothing else back";
    }
    return rolledBack.size()
        + " changeset(s) rolled back before it in this downgrade stay rolled back ("
        + String.join(", ", rolledBack.stream().map(ChangeSetRef::id).toList())
        + ")";
  }
}
