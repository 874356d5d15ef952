package com.migochat.runner.offline;

import com.migochat.runner.changeset.SqlPreview;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.status.StatusReport;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code upgrade --offline} and {@code downgrade --offline}: the script an upgrade or downgrade
 * would run, written without a database. The database it is for is described by its type and by
 * where it stands: {@code base} (empty), {@code head}, or a changeset id, meaning that changeset
 * and every one before it are applied. The script holds what the live run would do, the history
 * rows included, and creates the history table when the database starts empty; it takes no
 * migration lock (there is no database to take it on).
 */
public final class OfflineScript {

  /** An empty database: nothing applied. */
  public static final String BASE = "base";

  /** A database at the head of the changelog: everything applied. */
  public static final String HEAD = "head";

  private final LiquibaseSession session;

  public OfflineScript(LiquibaseSession session) {
    this.session = session;
  }

  /** The upgrade to {@code target} of a database of {@code dialect} that stands at {@code from}. */
  public SqlPreview upgrade(OfflineDialect dialect, String from, UpgradeTarget target) {
    return inHistoryFolder(
        history -> {
          history.markApplied(from);
          StatusReport status = history.status();
          int steps = target.stepsFrom(status);
          if (steps == 0) {
            return new SqlPreview(List.of(), "");
          }
          return new SqlPreview(status.pending().subList(0, steps), history.upgradeSql(steps));
        },
        dialect);
  }

  /**
   * The downgrade to {@code target} of a database of {@code dialect} that stands at {@code from}.
   */
  public SqlPreview downgrade(OfflineDialect dialect, String from, DowngradeTarget target) {
    if (target instanceof DowngradeTarget.ToDate) {
      // The offline history records every changeset as applied now, not when it really was.
      throw MigrationException.because(
          MigrationError.UNKNOWN_TARGET,
          "an offline script cannot downgrade to a date: without the database nobody knows when"
              + " its changesets were applied",
          "give a changeset id, -N or base, with --from saying where the database stands");
    }
    return inHistoryFolder(
        history -> {
          history.markApplied(from);
          StatusReport status = history.status();
          int steps = target.stepsFrom(status);
          if (steps == 0) {
            return new SqlPreview(List.of(), "");
          }
          return new SqlPreview(status.applied().subList(0, steps), history.downgradeSql(steps));
        },
        dialect);
  }

  private interface ScriptWork {
    SqlPreview write(OfflineHistory history);
  }

  /** Works with an offline history in a folder of its own, deleted afterwards. */
  private SqlPreview inHistoryFolder(ScriptWork work, OfflineDialect dialect) {
    Path folder;
    try {
      folder = Files.createTempDirectory("migochat-offline");
    } catch (IOException e) {
      throw MigrationException.unexpected(
          new UncheckedIOException(
              "Cannot create a folder for the offline history in java.io.tmpdir: make room there"
                  + " or point java.io.tmpdir at a writable folder",
              e));
    }
    try {
      return work.write(new OfflineHistory(session, dialect, folder));
    } finally {
      delete(folder);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the offline history in " + folder, e);
    }
  }
}
