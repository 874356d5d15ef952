package com.migochat.runner.hazard;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.hazard.HazardFinding.Severity;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;

/**
 * Checks changesets for lock hazards against the live database Liquibase is connected to: each
 * hazard is weighed by its table's size now, and by whether the changeset opts in to it. Reads the
 * catalog only; changes nothing.
 */
public final class HazardCheck {

  private final Database database;
  private final long thresholdRows;
  private final TableCatalog catalog;
  private final Map<String, TableSize> sizes = new HashMap<>();

  public HazardCheck(Database database, long thresholdRows) {
    this.database = database;
    this.thresholdRows = thresholdRows;
    Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    this.catalog =
        new TableCatalog(connection, database instanceof PostgresDatabase, thresholdRows);
  }

  /** The findings of {@code changeSets}, in their order. */
  public HazardReport check(List<ChangeSet> changeSets) throws Exception {
    List<HazardFinding> findings = new ArrayList<>();
    for (ChangeSet changeSet : changeSets) {
      Set<String> created = new HashSet<>();
      ChangeHazards changes = new ChangeHazards(catalog, database, created);
      List<Hazard> hazards = new ArrayList<>();
      for (Change change : changeSet.getChanges()) {
        hazards.addAll(changes.of(change));
      }
      if (hazards.isEmpty()) {
        continue;
      }
      ChangeSetLocation location = ChangeSetLocation.of(changeSet);
      for (Hazard hazard : hazards) {
        findings.add(weigh(hazard, changeSet, location, lowerCased(created)));
      }
    }
    return new HazardReport(findings, thresholdRows);
  }

  private HazardFinding weigh(
      Hazard hazard, ChangeSet changeSet, ChangeSetLocation location, Set<String> created)
      throws Exception {
    String table = hazard.table();
    TableSize size;
    if (table == null || hazard.rule() == HazardRule.UNPARSED_STATEMENT) {
      size = TableSize.UNKNOWN;
    } else if (created.contains(table.toLowerCase(Locale.ROOT))) {
      size = TableSize.CREATED;
    } else {
      size = sizeOf(table);
    }
    Severity severity = Severity.INFORMATIONAL;
    if (size.rows() > thresholdRows) {
      severity = optsIn(changeSet, hazard.rule()) ? Severity.OPTED_IN : Severity.BLOCKING;
    }
    return new HazardFinding(
        hazard.rule(),
        ChangeSetRef.of(changeSet),
        location.file(),
        location.line(),
        table,
        size,
        severity,
        hazard.statement());
  }

  private TableSize sizeOf(String table) throws Exception {
    TableSize known = sizes.get(table);
    if (known == null) {
      known = catalog.size(table);
      sizes.put(table, known);
    }
    return known;
  }

  private static boolean optsIn(ChangeSet changeSet, HazardRule rule) {
    return changeSet.getLabels() != null
        && changeSet.getLabels().getLabels().stream()
            .anyMatch(label -> label.strip().equalsIgnoreCase(rule.optInLabel()));
  }

  private static Set<String> lowerCased(Set<String> tables) {
    Set<String> lower = new HashSet<>();
    tables.forEach(table -> lower.add(table.toLowerCase(Locale.ROOT)));
    return lower;
  }
}
