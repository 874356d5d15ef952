package com.migochat.runner.drift;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.liquibase.LiquibaseSession;
import java.util.Set;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.RuntimeEnvironment;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogIterator;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ShouldRunChangeSetFilter;
import liquibase.changelog.visitor.UpdateVisitor;

/**
 * Builds, in an empty database, the schema that a set of applied changesets builds: Liquibase's
 * update, restricted to those changesets, in changelog order. Whatever filters chose them on the
 * live database (contexts, labels, preconditions) chose already; a changeset the live database
 * marked as ran through a failed precondition meets the same precondition here.
 */
final class ReplayApplied {

  private final LiquibaseSession scratch;

  /**
   * @param scratch a session on the empty database to build in
   */
  ReplayApplied(LiquibaseSession scratch) {
    this.scratch = scratch;
  }

  void replay(Set<ChangeSetRef> applied) {
    scratch.liquibase(
        (connection, database) -> {
          DatabaseChangeLog changeLog = scratch.parseChangeLog(database);
          ChangeLogHistoryServiceFactory.getInstance().getChangeLogService(database).init();
          new ChangeLogIterator(
                  changeLog, new ShouldRunChangeSetFilter(database), new AppliedOnly(applied))
              .run(
                  new UpdateVisitor(database, null),
                  new RuntimeEnvironment(database, new Contexts(), new LabelExpression()));
          database.commit();
          return null;
        });
  }
}
