package com.migochat.runner.validation;

import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.history.ChangeLogHistory;
import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.lock.LocalProcess;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import liquibase.change.CheckSum;
import liquibase.database.jvm.JdbcConnection;

/**
 * {@code accept-checksums}: replaces the checksums that an older Liquibase computed with an older
 * algorithm, for changesets unchanged under that algorithm, with today's; records each in {@code
 * DATABASECHANGELOG_AUDIT} with who, when and why. Refuses, and changes nothing, while any applied
 * changeset was edited: those must be reverted, not accepted.
 */
public final class AcceptChecksums {

  private final LiquibaseSession session;

  public AcceptChecksums(LiquibaseSession session) {
    this.session = session;
  }

  public ChecksumAcceptance accept(String reason) {
    if (reason == null || reason.isBlank()) {
      throw MigrationException.because(
          MigrationError.UNKNOWN_TARGET,
          "accepting checksums needs a reason, for the audit",
          "say why, e.g. --reason \"Liquibase 4.21 to 4.33\"");
    }
    return session.read(
        (history, changeLog, database) -> {
          List<ValidationFinding> edited =
              ChangeLogValidation.check(changeLog, history, database).findings().stream()
                  .filter(finding -> finding.kind() == ValidationFinding.Kind.CHECKSUM_MISMATCH)
                  .toList();
          if (!edited.isEmpty()) {
            throw MigrationException.because(
                MigrationError.CHANGELOG_INVALID,
                edited.get(0).changeSet(),
                edited.size()
                    + " applied changesets were edited, not just re-checksummed ("
                    + edited.stream()
                        .map(finding -> finding.changeSet().id())
                        .collect(Collectors.joining(", "))
                    + "), so no checksum was accepted",
                edited.get(0).fix(),
                null);
          }
          ChecksumAcceptance acceptance =
              new ChecksumAcceptance(
                  OutdatedChecksum.find(changeLog, history), actor(), reason, Instant.now());
          if (!acceptance.accepted().isEmpty()) {
            ChecksumAudit.replace(
                ((JdbcConnection) database.getConnection()).getUnderlyingConnection(), acceptance);
          }
          return acceptance;
        });
  }

  /**
   * Before an upgrade: Liquibase would replace outdated checksums silently during the update;
   * accepting them first puts each in the audit. When an edited changeset is among them, nothing is
   * accepted and Liquibase's validation stops the update with its own report.
   */
  public void acceptOutdatedBeforeUpgrade() {
    boolean outdated =
        session.jdbc(
            connection ->
                new ChangeLogHistory(connection)
                    .hasChecksumsOlderThan(CheckSum.getCurrentVersion()));
    if (!outdated) {
      return;
    }
    try {
      accept("accepted by upgrade: this Liquibase computes checksums differently");
    } catch (MigrationException edited) {
      // The update fails on the edited changeset and explains it.
    }
  }

  private static String actor() {
    return System.getProperty("user.name") + "@" + LocalProcess.current().host();
  }
}
