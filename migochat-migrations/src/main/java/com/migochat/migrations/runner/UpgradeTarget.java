package com.migochat.migrations.runner;

/**
 * How far an upgrade goes: to the head of the changelog, up to and including one changeset, or a
 * number of changesets.
 */
public sealed interface UpgradeTarget {

  /** Every pending changeset. */
  record Head() implements UpgradeTarget {}

  /** The next {@code count} pending changesets. */
  record Steps(int count) implements UpgradeTarget {}

  /** The pending changesets up to and including the one with this id. */
  record ToChangeSet(String id) implements UpgradeTarget {}

  /** Reads {@code head}, {@code +N} or a changeset id, the way Alembic reads revisions. */
  public static UpgradeTarget parse(String text) {
    if (text == null || text.isBlank() || text.equals("head")) {
      return new Head();
    }
    if (text.matches("\\+\\d+")) {
      return new Steps(Integer.parseInt(text.substring(1)));
    }
    return new ToChangeSet(text);
  }
}
