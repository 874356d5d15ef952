package com.migochat.runner.liquibase;

import com.migochat.runner.failure.LockTimeouts;
import java.util.logging.Level;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.logging.Logger;
import liquibase.logging.core.JavaLogService;
import liquibase.logging.core.JavaLogger;

/**
 * Liquibase's logging through java.util.logging, except for two changeset failures that stock
 * Liquibase logs as SEVERE with a stack trace although nothing is broken, which reads like an
 * outage in an operator's log: a changeset that is allowed to fail ({@code failOnError="false"})
 * becomes one WARNING line naming it and the database's words, and a changeset that gave up waiting
 * for a lock (it is tried again, and {@code lockwait} logs one line per retry naming who blocks it)
 * is logged at FINE. The stack traces stay at FINE.
 */
final class ChangeSetFailureLogService extends JavaLogService {

  @Override
  public Logger getLog(Class clazz) {
    if (clazz == ChangeSet.class) {
      return new ChangeSetFailureLogger(java.util.logging.Logger.getLogger(getLogName(clazz)));
    }
    return super.getLog(clazz);
  }

  private static final class ChangeSetFailureLogger extends JavaLogger {

    ChangeSetFailureLogger(java.util.logging.Logger logger) {
      super(logger);
    }

    @Override
    public void log(Level level, String message, Throwable e) {
      ChangeSet changeSet =
          Scope.getCurrentScope().get(Scope.Attr.changeSet.name(), ChangeSet.class);
      if (level == Level.SEVERE && e != null && LockTimeouts.isLockTimeout(e)) {
        super.log(Level.FINE, message, e);
      } else if (changeSet == null || !Boolean.FALSE.equals(changeSet.getFailOnError())) {
        super.log(level, message, e);
      } else if (level == Level.SEVERE && e != null) {
        super.log(
            Level.WARNING,
            "Changeset "
                + changeSet.getId()
                + " in file "
                + changeSet.getFilePath()
                + " failed and Liquibase went on, as its failOnError=\"false\" allows: "
                + oneLine(e),
            null);
        super.log(Level.FINE, message, e);
      } else if (level == Level.INFO && String.valueOf(message).contains("failOnError was false")) {
        super.log(Level.FINE, message, e);
      } else {
        super.log(level, message, e);
      }
    }

    private static String oneLine(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return String.valueOf(root.getMessage()).strip().replaceAll("\\s*\\R\\s*", "; ");
    }
  }
}
