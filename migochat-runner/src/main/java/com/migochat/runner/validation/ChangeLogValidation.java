package com.migochat.runner.validation;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.validation.ValidationFinding.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import liquibase.ChecksumVersion;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.CheckSum;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.InsertDataChange;
import liquibase.change.core.LoadDataChange;
import liquibase.change.core.UpdateDataChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

/** Compares a parsed changelog with the history and lints its rollbacks. */
public final class ChangeLogValidation {

  /** The label that says a data-losing rollback was reviewed and is accepted. */
  static final String DESTRUCTIVE_ROLLBACK = "destructive-rollback";

  private ChangeLogValidation() {}

  public static ValidationReport check(
      DatabaseChangeLog changeLog, List<ChangeSetRun> newestFirst, Database database) {
    List<ChangeSet> changeSets = changeLog.getChangeSets();
    Map<ChangeSetRef, ChangeSet> byRef = new HashMap<>();
    changeSets.forEach(changeSet -> byRef.put(ChangeSetRef.of(changeSet), changeSet));
    List<ValidationFinding> findings = new ArrayList<>();

    List<ChangeSetRun> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    for (ChangeSetRun run : oldestFirst) {
      ChangeSet changeSet = byRef.get(run.changeSet());
      if (changeSet == null) {
        findings.add(
            new ValidationFinding(
                Kind.UNKNOWN_APPLIED,
                run.changeSet(),
                "applied on " + run.executedAt() + " but not in the changelog",
                "put it back in the changelog (a moved file keeps its identity through"
                    + " logicalFilePath); if it was removed on purpose, check the schema, then"
                    + " delete its row from DATABASECHANGELOG"));
      } else if (run.checksum() != null && !checksumValid(changeSet, run.checksum())) {
        findings.add(
            new ValidationFinding(
                Kind.CHECKSUM_MISMATCH,
                run.changeSet(),
                "edited after it was applied (stored checksum "
                    + run.checksum()
                    + ", the file now gives "
                    + OutdatedChecksum.checksum(changeSet, ChecksumVersion.latest())
                    + ")",
                "revert the edit and put the change in a new changeset; if the edit changes"
                    + " nothing in any database (a comment, formatting), add <validCheckSum> with"
                    + " the new checksum to the changeset"));
      }
    }

    for (OutdatedChecksum outdated : OutdatedChecksum.find(changeLog, newestFirst)) {
      findings.add(
          new ValidationFinding(
              Kind.CHECKSUM_ALGORITHM_CHANGED,
              outdated.changeSet(),
              "its stored checksum "
                  + outdated.stored()
                  + " comes from an older Liquibase's algorithm; computed that way, the changeset"
                  + " is unchanged",
              "accept it with 'migochat accept-checksums --reason \"...\"', which records it in"
                  + " DATABASECHANGELOG_AUDIT (the next upgrade accepts it the same way)"));
    }

    int lastApplied = -1;
    for (int index = 0; index < changeSets.size(); index++) {
      if (isApplied(changeSets.get(index), newestFirst)) {
        lastApplied = index;
      }
    }
    for (int index = 0; index < lastApplied; index++) {
      ChangeSet changeSet = changeSets.get(index);
      if (!isApplied(changeSet, newestFirst)) {
        ChangeSetRef later = ChangeSetRef.of(changeSets.get(lastApplied));
        findings.add(
            new ValidationFinding(
                Kind.OUT_OF_ORDER,
                ChangeSetRef.of(changeSet),
                "pending, but ordered before the applied changeset "
                    + later.id()
                    + ": two branches met",
                "if it depends on changes after it, move its include after "
                    + later.id()
                    + "; otherwise upgrade applies it as it is, out of order"));
      }
    }

    for (ChangeSet changeSet : changeSets) {
      List<String> irreversible =
          changeSet.getChanges().stream()
              .filter(change -> !change.supportsRollback(database))
              .map(ChangeLogValidation::nameOf)
              .toList();
      if (changeSet.getRollback().getChanges().isEmpty() && !irreversible.isEmpty()) {
        findings.add(
            new ValidationFinding(
                Kind.NO_ROLLBACK,
                ChangeSetRef.of(changeSet),
                "has no <rollback>, and Liquibase cannot derive one for "
                    + irreversible.stream().distinct().collect(Collectors.joining(", ")),
                "add a <rollback> that undoes it; a downgrade past it is refused until then"));
      }
    }
    for (ChangeSet changeSet : changeSets) {
      List<String> dropped = droppedByRollback(changeSet);
      if (!dropped.isEmpty()
          && derivesData(changeSet)
          && !changeSet.getLabels().getLabels().contains(DESTRUCTIVE_ROLLBACK)) {
        findings.add(
            new ValidationFinding(
                Kind.DESTRUCTIVE_ROLLBACK,
                ChangeSetRef.of(changeSet),
                "its rollback drops "
                    + String.join(", ", dropped)
                    + ", which the changeset fills from other data; a downgrade loses what was"
                    + " written there since",
                "make the rollback put the data back where it came from; or, once you are sure"
                    + " nothing is lost (the originals are kept), mark the changeSet with labels=\""
                    + DESTRUCTIVE_ROLLBACK
                    + "\" and say why in its comment"));
      }
    }
    return new ValidationReport(findings);
  }

  /**
   * What the rollback drops: its own dropColumn and dropTable, or the inverse of add and create.
   */
  private static List<String> droppedByRollback(ChangeSet changeSet) {
    List<String> dropped = new ArrayList<>();
    List<Change> rollback = changeSet.getRollback().getChanges();
    if (rollback.isEmpty()) {
      for (Change change : changeSet.getChanges()) {
        if (change instanceof AddColumnChange add) {
          add.getColumns()
              .forEach(
                  column -> dropped.add("column " + add.getTableName() + "." + column.getName()));
        } else if (change instanceof CreateTableChange create) {
          dropped.add("table " + create.getTableName());
        }
      }
      return dropped;
    }
    for (Change change : rollback) {
      if (change instanceof DropColumnChange drop) {
        String columns =
            drop.getColumnName() != null
                ? drop.getColumnName()
                : drop.getColumns().stream()
                    .map(column -> column.getName())
                    .collect(Collectors.joining(", "));
        dropped.add("column " + drop.getTableName() + "." + columns);
      } else if (change instanceof DropTableChange drop) {
        dropped.add("table " + drop.getTableName());
      }
    }
    return dropped;
  }

  /** Whether the changeset writes data computed from other data: updates, SQL, computed values. */
  private static boolean derivesData(ChangeSet changeSet) {
    for (Change change : changeSet.getChanges()) {
      if (change instanceof UpdateDataChange
          || change instanceof AbstractSQLChange
          || change instanceof InsertDataChange
          || change instanceof LoadDataChange) {
        return true;
      }
      if (change instanceof AddColumnChange add
          && add.getColumns().stream().anyMatch(column -> column.getValueComputed() != null)) {
        return true;
      }
    }
    return false;
  }

  /** Liquibase's check, which leaves the checksum of the stored algorithm cached: cleared here. */
  private static boolean checksumValid(ChangeSet changeSet, String stored) {
    try {
      return changeSet.isCheckSumValid(CheckSum.parse(stored));
    } finally {
      changeSet.clearCheckSum();
    }
  }

  private static boolean isApplied(ChangeSet changeSet, List<ChangeSetRun> history) {
    ChangeSetRef ref = ChangeSetRef.of(changeSet);
    return history.stream().anyMatch(run -> run.changeSet().equals(ref));
  }

  private static String nameOf(Change change) {
    return change.getSerializedObjectName();
  }
}
