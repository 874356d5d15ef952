package com.migochat.migrations.runner;

import java.time.Instant;

/**
 * How far a downgrade goes. Every applied changeset after the target is rolled back, newest first.
 */
public sealed interface DowngradeTarget {

  /** The {@code count} most recently applied changesets. */
  record Steps(int count) implements DowngradeTarget {}

  /** Everything applied after this changeset; the changeset itself stays. */
  record ToChangeSet(String id) implements DowngradeTarget {}

  /** Everything applied after the changeset that carries this tag. */
  record ToTag(String tag) implements DowngradeTarget {}

  /** Everything applied after this moment. */
  record ToDate(Instant date) implements DowngradeTarget {}

  /** Everything: an empty schema, as before the first changeset. */
  record Base() implements DowngradeTarget {}

  /**
   * Reads {@code -N}, {@code base}, {@code tag:NAME}, {@code date:2025-05-27T11:00:00Z} or a
   * changeset id, the way Alembic reads revisions.
   */
  public static DowngradeTarget parse(String text) {
    if (text.matches("-\\d+")) {
      return new Steps(Integer.parseInt(text.substring(1)));
    }
    if (text.equals("base")) {
      return new Base();
    }
    if (text.startsWith("tag:")) {
      return new ToTag(text.substring("tag:".length()));
    }
    if (text.startsWith("date:")) {
      return new ToDate(Instant.parse(text.substring("date:".length())));
    }
    return new ToChangeSet(text);
  }
}
