package com.migochat.runner.compatibility;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.instance.InstanceState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;

/**
 * Checks changesets against the mappings of live instances of other releases: those built with
 * another changelog head than {@code ownHead}. Instances of the release being migrated expect the
 * schema it builds. Reads the catalog only; changes nothing.
 */
public final class CompatibilityCheck {

  private final Database database;
  private final List<InstanceState> otherReleases;

  public CompatibilityCheck(Database database, List<InstanceState> live, String ownHead) {
    this.database = database;
    this.otherReleases =
        live.stream()
            .filter(state -> !state.instance().release().changeLogHead().equals(ownHead))
            .toList();
  }

  /** The findings of {@code changeSets}, in their order. */
  public CompatibilityReport check(List<ChangeSet> changeSets) throws SQLException {
    List<CompatibilityFinding> findings = new ArrayList<>();
    if (otherReleases.isEmpty()) {
      return new CompatibilityReport(findings);
    }
    Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    ChangeContractions contractions =
        new ChangeContractions(database, new ColumnCatalog(connection));
    for (ChangeSet changeSet : changeSets) {
      for (Change change : changeSet.getChanges()) {
        for (Contraction contraction : contractions.of(change)) {
          for (InstanceState instance : otherReleases) {
            if (contraction.breaks(instance.instance().mapping())) {
              findings.add(
                  new CompatibilityFinding(
                      ChangeSetRef.of(changeSet),
                      markedContract(changeSet),
                      contraction.describe(),
                      contraction.target(instance.instance().mapping()),
                      contraction.statement(),
                      instance));
            }
          }
        }
      }
    }
    return new CompatibilityReport(findings);
  }

  private static boolean markedContract(ChangeSet changeSet) {
    return changeSet.getLabels() != null
        && changeSet.getLabels().getLabels().stream()
            .anyMatch(label -> label.strip().equalsIgnoreCase(CompatibilityReport.CONTRACT_LABEL));
  }
}
