package com.migochat.migrations.runner;

import java.nio.file.Path;

/**
 * How backups are taken and kept.
 *
 * @param postgresTools the folder of pg_dump, pg_restore and psql, to match the server's major
 *     version; null to find them on the PATH
 * @param keep how many of Migochat's backups a folder keeps: each new backup deletes the older ones
 *     beyond this number; 0 keeps them all
 * @param changeLog the class-path location of the master changelog, whose tables are the ones a
 *     backup holds and a restore replaces
 */
public record BackupSettings(Path postgresTools, int keep, String changeLog) {

  /** The {@code migochat.backup.keep} default. */
  public static final int DEFAULT_KEEP = 10;

  public BackupSettings {
    if (keep < 0) {
      throw new IllegalArgumentException(
          "migochat.backup.keep is "
              + keep
              + ": set it to the number of backups to keep, or to 0 to keep them all");
    }
  }

  /** Tools on the PATH, the last {@value #DEFAULT_KEEP} backups kept, the shipped changelog. */
  public static BackupSettings defaults() {
    return new BackupSettings(null, DEFAULT_KEEP, MigrationSettings.DEFAULT_CHANGELOG);
  }
}
