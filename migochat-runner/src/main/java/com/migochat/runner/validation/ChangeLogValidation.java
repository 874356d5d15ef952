package com.migochat.runner.validation;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.validation.ValidationFinding.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liquibase.ChecksumVersion;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

/**
 * Compares a parsed changelog with the history (edited, lost, outdated and out-of-order changesets)
 * lints its rollbacks ({@link RollbackLint}) and reports invalid indexes ({@link
 * InvalidIndexFindings}).
 */
public final class ChangeLogValidation {

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
                "upgrade refuses it: move its include after "
                    + later.id()
                    + " and give it a later date-time name; or, if it depends on nothing after"
                    + " it, allow it (migochat.migrations.allow-out-of-order, CLI"
                    + " --allow-out-of-order), and it runs if it touches no table the later"
                    + " changesets touched"));
      }
    }

    findings.addAll(RollbackLint.check(changeSets, database));
    findings.addAll(
        InvalidIndexFindings.check(
            changeSets,
            changeSets.stream().filter(changeSet -> !isApplied(changeSet, newestFirst)).toList(),
            database));
    return new ValidationReport(findings);
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
}
