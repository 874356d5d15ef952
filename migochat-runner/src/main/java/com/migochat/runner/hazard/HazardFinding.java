package com.migochat.runner.hazard;

import com.migochat.runner.changeset.ChangeSetRef;

/**
 * One lock hazard of a pending changeset, weighed by the live size of its table.
 *
 * @param rule which hazard (its id, lock, what it blocks and the safe rewrite)
 * @param changeSet the changeset
 * @param file the changelog file it is in, as on the class path
 * @param line the line of its {@code changeSet} element in that file; 0 when it cannot be found
 *     (Liquibase keeps no line numbers: it is found by the changeset's id in the file's text)
 * @param table the table it locks; null when none is known
 * @param size the table's size now
 * @param severity whether it stops the upgrade
 * @param statement the change or statement that carries it
 */
public record HazardFinding(
    HazardRule rule,
    ChangeSetRef changeSet,
    String file,
    int line,
    String table,
    TableSize size,
    Severity severity,
    String statement) {

  /** Whether a finding stops the upgrade. */
  public enum Severity {
    /** On a table above the threshold, and the changeset does not opt in: the upgrade refuses. */
    BLOCKING,
    /** Above the threshold, and the changeset carries {@code allow-hazard:<rule-id>}: it runs. */
    OPTED_IN,
    /** Below the threshold, on a table the changeset creates, or not judged: it runs. */
    INFORMATIONAL
  }

  public String ruleId() {
    return rule.id();
  }

  /** {@code file:line}, or the file alone when the line is unknown. */
  public String location() {
    return line > 0 ? file + ":" + line : file;
  }

  /** One line for logs, comments and the command line. */
  public String describe() {
    String where = table == null ? "" : " on " + table + " (" + size.describe() + ")";
    return severity
        + " "
        + rule.id()
        + where
        + " in changeset "
        + changeSet.id()
        + " ("
        + location()
        + "): "
        + statement
        + ". Lock: "
        + rule.lock()
        + "; blocks "
        + rule.blocks()
        + ". Safe rewrite: "
        + rule.rewrite();
  }
}
