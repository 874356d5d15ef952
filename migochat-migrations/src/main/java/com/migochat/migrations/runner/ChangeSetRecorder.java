package com.migochat.migrations.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.ChangeSet.ExecType;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

/**
 * Listens to one Liquibase run and remembers which changesets ran or were rolled back, and which
 * one failed.
 */
final class ChangeSetRecorder extends AbstractChangeExecListener {

  private final List<ChangeSetRef> applied = new ArrayList<>();
  private final List<ChangeSetRef> rolledBack = new ArrayList<>();
  private ChangeSetRef failed;

  static ChangeSetRef refOf(ChangeSet changeSet) {
    return new ChangeSetRef(changeSet.getId(), changeSet.getAuthor(), changeSet.getFilePath());
  }

  @Override
  public void ran(
      ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ExecType execType) {
    if (execType.ran) {
      applied.add(refOf(changeSet));
    }
  }

  @Override
  public void runFailed(
      ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
    failed = refOf(changeSet);
  }

  @Override
  public void rolledBack(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
    rolledBack.add(refOf(changeSet));
  }

  @Override
  public void rollbackFailed(
      ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
    failed = refOf(changeSet);
  }

  List<ChangeSetRef> rolledBack() {
    return List.copyOf(rolledBack);
  }

  List<ChangeSetRef> applied() {
    return List.copyOf(applied);
  }

  Optional<ChangeSetRef> failed() {
    return Optional.ofNullable(failed);
  }
}
