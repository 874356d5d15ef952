package com.migochat.migrations.runner;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import liquibase.exception.ChangeLogParseException;
import liquibase.exception.DatabaseException;
import liquibase.exception.LockException;
import liquibase.exception.RollbackImpossibleException;
import liquibase.exception.ValidationFailedException;

/**
 * Turns whatever Liquibase or the JDBC driver threw into a {@link MigrationFailure}: the kind of
 * failure, the database's own words, and the action that fixes it.
 */
final class FailureAnalysis {

  private static final String CHECK_URL =
      "check migochat.db.url (MIGOCHAT_DB_URL) and that the database server is running and"
          + " reachable from this host, then try again";
  private static final String CHECK_LOGIN =
      "check migochat.db.user and migochat.db.password (MIGOCHAT_DB_USER, MIGOCHAT_DB_PASSWORD),"
          + " then try again";

  private FailureAnalysis() {}

  /** Explains a failure to open a connection, before Liquibase was involved. */
  static MigrationFailure ofConnection(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("28")) {
      return new MigrationFailure(
          MigrationError.DATABASE_LOGIN_REFUSED, null, databaseWords(e), CHECK_LOGIN);
    }
    return new MigrationFailure(
        MigrationError.DATABASE_UNREACHABLE, null, databaseWords(e), CHECK_URL);
  }

  /** Explains a failed Liquibase run; {@code failed} is the changeset that was running, if any. */
  static MigrationFailure ofRun(Throwable e, ChangeSetRef failed, boolean transactionalDdl) {
    if (failed != null) {
      return new MigrationFailure(
          MigrationError.CHANGESET_FAILED,
          failed,
          databaseWords(firstOf(e, DatabaseException.class).map(Throwable.class::cast).orElse(e)),
          transactionalDdl
              ? "the database rolled back everything this changeset did, and changesets applied"
                  + " before it in this run are kept; fix the changeset (or add one before it that"
                  + " prepares the data) and redeploy. The application serves no requests until"
                  + " the schema is at head"
              : "this database commits each DDL statement, so statements of this changeset"
                  + " before the failing one may have been applied: compare the schema with the"
                  + " changeset and undo them or restore a backup, fix the changeset, then"
                  + " redeploy");
    }
    Optional<RollbackImpossibleException> noRollback =
        firstOf(e, RollbackImpossibleException.class);
    if (noRollback.isPresent()) {
      return new MigrationFailure(
          MigrationError.ROLLBACK_IMPOSSIBLE,
          null,
          databaseWords(noRollback.get()),
          "add a <rollback> to that changeset (it may be an empty <rollback/> if undoing it needs"
              + " nothing), or stop the downgrade at a changeset after it");
    }
    Optional<LockException> lock = firstOf(e, LockException.class);
    if (lock.isPresent()) {
      return new MigrationFailure(
          MigrationError.LOCK_NOT_ACQUIRED,
          null,
          databaseWords(lock.get()),
          "another Migochat instance or a Liquibase command is migrating this database; wait for"
              + " it to finish. If no such process is alive, release the lock with Liquibase's"
              + " releaseLocks command and redeploy");
    }
    Optional<Throwable> invalid =
        firstOf(e, ValidationFailedException.class)
            .map(Throwable.class::cast)
            .or(() -> firstOf(e, ChangeLogParseException.class));
    if (invalid.isPresent()) {
      return new MigrationFailure(
          MigrationError.CHANGELOG_INVALID,
          null,
          databaseWords(invalid.get()),
          "if an applied changeset was edited, revert the edit and put the change in a new"
              + " changeset; if a file cannot be read, fix it; then redeploy");
    }
    Optional<SQLException> sql = firstOf(e, SQLException.class);
    if (sql.isPresent() && isConnectionProblem(e, sql.get())) {
      return ofConnection(sql.get());
    }
    return new MigrationFailure(
        MigrationError.UNEXPECTED,
        null,
        databaseWords(e),
        "read the stack trace logged with this message; if the database is at fault, fix it and"
            + " redeploy");
  }

  /** The message of a throwable on one line, with the SQL state where there is one. */
  static String databaseWords(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    String oneLine = message.strip().replaceAll("\\s*\\R\\s*", "; ");
    return firstOf(e, SQLException.class)
        .map(SQLException::getSQLState)
        .filter(state -> !oneLine.contains(state))
        .map(state -> oneLine + " [SQLState " + state + "]")
        .orElse(oneLine);
  }

  private static boolean isConnectionProblem(Throwable e, SQLException sql) {
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    return state.startsWith("08")
        || state.startsWith("28")
        || firstOf(e, ConnectException.class).isPresent()
        || firstOf(e, UnknownHostException.class).isPresent();
  }

  private static <T extends Throwable> Optional<T> firstOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
