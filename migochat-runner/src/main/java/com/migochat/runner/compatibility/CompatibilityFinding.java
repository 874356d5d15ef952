package com.migochat.runner.compatibility;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.instance.InstanceState;

/**
 * A pending changeset that would break a live instance of another release.
 *
 * @param changeSet the changeset
 * @param markedContract whether it carries the label {@code contract}
 * @param change what it does, e.g. "drops column users.email"
 * @param mapping the mapping it breaks, as {@code table.column} or {@code table}
 * @param statement the change or SQL statement that does it
 * @param instance the live instance that maps it
 */
public record CompatibilityFinding(
    ChangeSetRef changeSet,
    boolean markedContract,
    String change,
    String mapping,
    String statement,
    InstanceState instance) {

  /** One line: which changeset, what it does, whom it breaks. */
  public String describe() {
    return "changeset "
        + changeSet.id()
        + " ("
        + changeSet.file()
        + ") "
        + change
        + ", which "
        + instance.describe()
        + " still maps ("
        + mapping
        + ")";
  }
}
