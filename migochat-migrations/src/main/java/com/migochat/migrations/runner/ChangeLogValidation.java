package com.migochat.migrations.runner;

import com.migochat.migrations.runner.ValidationFinding.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import liquibase.ChecksumVersion;
import liquibase.change.Change;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

/** Compares a parsed changelog with the history and lints its rollbacks. */
final class ChangeLogValidation {

  private ChangeLogValidation() {}

  static ValidationReport check(
      DatabaseChangeLog changeLog, List<ChangeSetRun> newestFirst, Database database) {
    List<ChangeSet> changeSets = changeLog.getChangeSets();
    Map<ChangeSetRef, ChangeSet> byRef = new HashMap<>();
    changeSets.forEach(changeSet -> byRef.put(ChangeSetRecorder.refOf(changeSet), changeSet));
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
      } else if (run.checksum() != null
          && !changeSet.isCheckSumValid(CheckSum.parse(run.checksum()))) {
        findings.add(
            new ValidationFinding(
                Kind.CHECKSUM_MISMATCH,
                run.changeSet(),
                "edited after it was applied (stored checksum "
                    + run.checksum()
                    + ", the file now gives "
                    + changeSet.generateCheckSum(ChecksumVersion.latest())
                    + ")",
                "revert the edit and put the change in a new changeset; if the edit changes"
                    + " nothing in any database (a comment, formatting), add <validCheckSum> with"
                    + " the new checksum to the changeset"));
      }
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
        ChangeSetRef later = ChangeSetRecorder.refOf(changeSets.get(lastApplied));
        findings.add(
            new ValidationFinding(
                Kind.OUT_OF_ORDER,
                ChangeSetRecorder.refOf(changeSet),
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
                ChangeSetRecorder.refOf(changeSet),
                "has no <rollback>, and Liquibase cannot derive one for "
                    + irreversible.stream().distinct().collect(Collectors.joining(", ")),
                "add a <rollback> that undoes it; a downgrade past it is refused until then"));
      }
    }
    return new ValidationReport(findings);
  }

  private static boolean isApplied(ChangeSet changeSet, List<ChangeSetRun> history) {
    ChangeSetRef ref = ChangeSetRecorder.refOf(changeSet);
    return history.stream().anyMatch(run -> run.changeSet().equals(ref));
  }

  private static String nameOf(Change change) {
    return change.getSerializedObjectName();
  }
}
