package com.migochat.runner.liquibase;

import java.util.logging.Level;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.logging.Logger;
import liquibase.logging.core.JavaLogService;
import liquibase.logging.core.JavaLogger;

/**
 * Liquibase's logging through java.util.logging, except for a changeset that is allowed to fail
 * ({@code failOnError="false"}): stock Liquibase logs its failure as SEVERE with a stack trace and
 * then goes on, which reads like an outage in an operator's log. Here it is one WARNING line naming
 * the changeset and the database's words; the stack trace stays at FINE.
 */
final class AllowedFailureLogService extends JavaLogService {

  @Override
  public Logger getLog(Class clazz) {
    if (clazz == ChangeSet.class) {
      return new AllowedFailureLogger(java.util.logging.Logger.getLogger(getLogName(clazz)));
    }
    return super.getLog(clazz);
  }

  private static final class AllowedFailureLogger extends JavaLogger {

    AllowedFailureLogger(java.util.logging.Logger logger) {
      super(logger);
    }

    @Override
    public void log(Level level, String message, Throwable e) {
      ChangeSet changeSet =
          Scope.getCurrentScope().get(Scope.Attr.changeSet.name(), ChangeSet.class);
      if (changeSet == null || !Boolean.FALSE.equals(changeSet.getFailOnError())) {
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
