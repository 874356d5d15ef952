package com.migochat.runner.failure;

import com.migochat.runner.changeset.ChangeSetRef;
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
public final class FailureAnalysis {

  private static final String CHECK_URL =
      "check migochat.db.url (MIGOCHAT_DB_URL) and that the database server is running and"
          + " reachable from this host, then try again";
  private static final String CHECK_LOGIN =
      "check migochat.db.user and migochat.db.password (MIGOCHAT_DB_USER, MIGOCHAT_DB_PASSWORD),"
          + " then try again";

  private FailureAnalysis() {}

  /** Explains a failure to open a connection, before Liquibase was involved. */
  public static MigrationFailure ofConnection(SQLException e) {
    if (loginRefused(e)) {
      return new MigrationFailure(
          MigrationError.DATABASE_LOGIN_REFUSED, null, databaseWords(e), CHECK_LOGIN);
    }
    return new MigrationFailure(
        MigrationError.DATABASE_UNREACHABLE, null, databaseWords(e), CHECK_URL);
  }

  /**
   * Whether the database refused the user or password: SQL state class 28 anywhere in the causes,
   * or PostgreSQL's words for it where a connection pool kept only the message.
   */
  private static boolean loginRefused(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("28")) {
        return true;
      }
      String message = String.valueOf(cause.getMessage());
      if (message.contains("password authentication failed")
          || message.matches("(?s).*role \".*\" does not exist.*")
          || message.contains("no pg_hba.conf entry")) {
        return true;
      }
    }
    return false;
  }

  /** Explains a failed Liquibase run; {@code failed} is the changeset that was running, if any. */
  static MigrationFailure ofRun(Throwable e, ChangeSetRef failed, boolean transactionalDdl) {
    if (failed != null && LockTimeouts.isLockTimeout(e)) {
      return LockTimeouts.failure(failed, e);
    }
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
    Optional<MigrationFailure> edited =
        firstOf(e, ValidationFailedException.class).flatMap(FailureAnalysis::editedChangeSet);
    if (edited.isPresent()) {
      return edited.get();
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

  /**
   * The first applied changeset whose checksum changed, as Liquibase reports it: {@code
   * file::id::author was: 9:old but is now: 9:new}.
   */
  private static Optional<MigrationFailure> editedChangeSet(ValidationFailedException e) {
    return e.getInvalidMD5Sums().stream()
        .findFirst()
        .map(
            report -> {
              String[] parts = report.split(" was: | but is now: ");
              String[] name = parts[0].split("::");
              ChangeSetRef changeSet =
                  new ChangeSetRef(name[1], name.length > 2 ? name[2] : null, name[0]);
              String now = parts.length > 2 ? parts[2] : "?";
              return new MigrationFailure(
                  MigrationError.CHECKSUM_MISMATCH,
                  changeSet,
                  "it was applied with checksum "
                      + (parts.length > 1 ? parts[1] : "?")
                      + " but the file now gives "
                      + now
                      + (e.getInvalidMD5Sums().size() > 1
                          ? " (and "
                              + (e.getInvalidMD5Sums().size() - 1)
                              + " more edited changesets)"
                          : ""),
                  "either revert the edit and put the change in a new changeset, or, if the edit"
                      + " changes nothing in the database (a comment, formatting), add"
                      + " <validCheckSum>"
                      + now
                      + "</validCheckSum> to the changeset; then redeploy. Nothing was migrated");
            });
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

  static <T extends Throwable> Optional<T> firstOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
