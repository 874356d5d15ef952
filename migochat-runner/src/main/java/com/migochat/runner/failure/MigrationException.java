package com.migochat.runner.failure;

import com.migochat.runner.changeset.ChangeSetRef;
import java.sql.SQLException;
import java.util.List;

/** A migration did not reach its target; {@link #failure()} says why and what to do. */
public class MigrationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient MigrationFailure failure;

  public MigrationException(MigrationFailure failure, Throwable cause) {
    super(failure.message(), cause);
    this.failure = failure;
  }

  /** A failure that is no changeset's: what is wrong and what to do about it. */
  public static MigrationException because(MigrationError error, String what, String action) {
    return new MigrationException(new MigrationFailure(error, null, what, action), null);
  }

  /** A failure of {@code changeSet} (or of none, when null), caused by {@code cause}. */
  public static MigrationException because(
      MigrationError error, ChangeSetRef changeSet, String what, String action, Throwable cause) {
    return new MigrationException(new MigrationFailure(error, changeSet, what, action), cause);
  }

  /** A target that names no changeset of the changelog. */
  public static MigrationException unknownChangeSet(String id) {
    return because(
        MigrationError.UNKNOWN_TARGET,
        "the changelog has no changeset '" + id + "'",
        "list the changeset ids with 'history' (applied) and 'heads' (pending)");
  }

  /** The database could not be reached, or refused the login: says which setting to check. */
  public static MigrationException ofConnection(SQLException e) {
    return new MigrationException(FailureAnalysis.ofConnection(e), e);
  }

  /**
   * A Liquibase run failed, on {@code failed} if it was a changeset's; {@code transactionalDdl}
   * says whether the database rolled the changeset back whole.
   */
  public static MigrationException ofRun(
      Throwable e, ChangeSetRef failed, boolean transactionalDdl) {
    return new MigrationException(FailureAnalysis.ofRun(e, failed, transactionalDdl), e);
  }

  /**
   * Rolling {@code failed} back failed, after {@code rolledBack} were rolled back in the same run;
   * {@code transactionalDdl} says whether the database undid the failed rollback whole.
   */
  public static MigrationException ofRollback(
      Throwable e, ChangeSetRef failed, List<ChangeSetRef> rolledBack, boolean transactionalDdl) {
    return new MigrationException(
        RollbackFailureAnalysis.of(e, failed, rolledBack, transactionalDdl), e);
  }

  /**
   * A changeset with {@code runInTransaction="false"} failed on a database that would otherwise
   * have rolled it back whole: what it committed before the failure stays.
   */
  public static MigrationException ofRunOutsideTransaction(Throwable e, ChangeSetRef failed) {
    MigrationFailure failure = FailureAnalysis.ofRun(e, failed, true);
    if (failure.error() == MigrationError.LOCK_TIMEOUT) {
      return new MigrationException(failure, e);
    }
    return new MigrationException(
        new MigrationFailure(
            failure.error(),
            failed,
            failure.databaseError(),
            "this changeset runs outside a transaction (runInTransaction=\"false\"), so what it"
                + " committed before it failed stays: its statements before the failing one, the"
                + " batches a batched update committed (the next upgrade resumes after them), an"
                + " index a concurrent build left invalid (the next upgrade drops and builds it"
                + " again). The changeset is not recorded: fix the cause and redeploy, and it runs"
                + " again"),
        e);
  }

  /** Explains a failure that did not come from a Liquibase run, e.g. a missing data source. */
  public static MigrationException unexpected(Throwable e) {
    return new MigrationException(FailureAnalysis.ofRun(e, null, false), e);
  }

  public MigrationFailure failure() {
    return failure;
  }
}
