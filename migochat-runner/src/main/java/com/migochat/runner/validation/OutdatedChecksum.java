package com.migochat.runner.validation;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liquibase.ChecksumVersion;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;

/**
 * An applied changeset whose stored checksum an older Liquibase computed with an older algorithm,
 * and which is unchanged under that algorithm: only the way of computing changed, not the change.
 *
 * @param changeSet which changeset
 * @param stored the checksum in the history, e.g. {@code 8:…}
 * @param current the same changeset's checksum with today's algorithm, e.g. {@code 9:…}
 */
public record OutdatedChecksum(ChangeSetRef changeSet, String stored, String current) {

  /** Every applied changeset that only the algorithm change sets apart, oldest first. */
  static List<OutdatedChecksum> find(DatabaseChangeLog changeLog, List<ChangeSetRun> newestFirst) {
    Map<ChangeSetRef, ChangeSet> byRef = new HashMap<>();
    changeLog
        .getChangeSets()
        .forEach(changeSet -> byRef.put(ChangeSetRef.of(changeSet), changeSet));
    ChecksumVersion latest = ChecksumVersion.latest();
    List<OutdatedChecksum> outdated = new ArrayList<>();
    for (ChangeSetRun run : newestFirst) {
      ChangeSet changeSet = byRef.get(run.changeSet());
      if (changeSet == null || run.checksum() == null) {
        continue;
      }
      CheckSum stored = CheckSum.parse(run.checksum());
      if (stored.getVersion() < latest.getVersion()
          && checksum(changeSet, ChecksumVersion.enumFromChecksumVersion(stored.getVersion()))
              .equals(stored)) {
        outdated.add(
            0,
            new OutdatedChecksum(
                run.changeSet(), run.checksum(), checksum(changeSet, latest).toString()));
      }
    }
    return outdated;
  }

  /**
   * The changeset's checksum with the given algorithm. A changeset caches its checksum whatever the
   * algorithm; the cache is cleared around the computation so no other version leaks out.
   */
  static CheckSum checksum(ChangeSet changeSet, ChecksumVersion version) {
    changeSet.clearCheckSum();
    try {
      return changeSet.generateCheckSum(version);
    } finally {
      changeSet.clearCheckSum();
    }
  }
}
