package com.migochat.runner.instance;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.liquibase.LiquibaseSession;
import java.util.List;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;

/** The last changeset of a changelog: which schema a release was built for. */
public final class ChangeLogHead {

  private ChangeLogHead() {}

  /** The head of the class-path changelog {@code changeLog}, read without a database. */
  public static String of(String changeLog) {
    try {
      return of(LiquibaseSession.parseWithoutDatabase(changeLog));
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot read the changelog "
              + changeLog
              + " to learn its last changeset: "
              + e.getMessage()
              + ". Check migochat.migrations.changelog; 'migochat validate' explains what is wrong",
          e);
    }
  }

  /** The head of a parsed changelog, as {@code file::id::author}; empty when it has none. */
  public static String of(DatabaseChangeLog changeLog) {
    List<ChangeSet> changeSets = changeLog.getChangeSets();
    return changeSets.isEmpty()
        ? ""
        : ChangeSetRef.of(changeSets.get(changeSets.size() - 1)).toString();
  }
}
