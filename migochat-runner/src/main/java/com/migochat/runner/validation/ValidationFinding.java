package com.migochat.runner.validation;

import com.migochat.runner.changeset.ChangeSetRef;

/**
 * One thing {@code validate} found, with the fix.
 *
 * @param kind what kind of problem
 * @param changeSet the changeset concerned, or null for a finding in the database that no changeset
 *     of the changelog explains
 * @param problem what is wrong
 * @param fix what to do about it
 */
public record ValidationFinding(Kind kind, ChangeSetRef changeSet, String problem, String fix) {

  /** What kind of problem, and whether it stops a migration. */
  public enum Kind {
    /** An applied changeset was edited afterwards; Liquibase refuses to run. */
    CHECKSUM_MISMATCH(true),
    /**
     * An applied changeset's checksum comes from an older Liquibase's algorithm and matches the
     * changeset under it: nothing was edited, the checksum only needs accepting.
     */
    CHECKSUM_ALGORITHM_CHANGED(false),
    /** The history has a changeset the changelog no longer has. */
    UNKNOWN_APPLIED(true),
    /** A pending changeset sits before applied ones: two branches met (Alembic's two heads). */
    OUT_OF_ORDER(true),
    /** A changeset cannot be rolled back: no rollback given, and Liquibase cannot derive one. */
    NO_ROLLBACK(false),
    /**
     * A rollback drops a column or table the changeset filled from other data, and the changeset is
     * not marked as accepting that.
     */
    DESTRUCTIVE_ROLLBACK(false),
    /**
     * An index is invalid, left by a failed concurrent build: when a pending changeset builds it,
     * the next upgrade drops and rebuilds it; otherwise it needs dropping or rebuilding by hand.
     */
    INVALID_INDEX(false);

    private final boolean blocking;

    Kind(boolean blocking) {
      this.blocking = blocking;
    }

    public boolean blocking() {
      return blocking;
    }
  }
}
