package com.migochat.runner.config;

import java.nio.file.Path;

/**
 * Where backups go and how many are kept.
 *
 * @param policy when an upgrade backs the database up first
 * @param folder where backups are written ({@code migochat.backup.dir})
 * @param keep how many of Migochat's backups the folder keeps: each new backup deletes the older
 *     ones beyond this number; 0 keeps them all ({@code migochat.backup.keep})
 * @param postgresTools the folder of pg_dump, pg_restore and psql, to match the server's major
 *     version; null to find them on the PATH ({@code migochat.pg.bin})
 */
public record BackupSettings(BackupPolicy policy, Path folder, int keep, Path postgresTools) {

  /** The {@code migochat.backup.before-upgrade} default. */
  public static final BackupPolicy DEFAULT_POLICY = BackupPolicy.AUTO;

  /** The {@code migochat.backup.dir} default. */
  public static final String DEFAULT_FOLDER = "./data/backups";

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

  /** The settings' defaults, but no backup before an upgrade: what code that asks for none gets. */
  public static BackupSettings none() {
    return defaults().withPolicy(BackupPolicy.NEVER);
  }

  /** Every setting's default, as the server and the CLI use them when nothing is configured. */
  public static BackupSettings defaults() {
    return new BackupSettings(DEFAULT_POLICY, Path.of(DEFAULT_FOLDER), DEFAULT_KEEP, null);
  }

  public BackupSettings withPolicy(BackupPolicy policy) {
    return new BackupSettings(policy, folder, keep, postgresTools);
  }

  public BackupSettings withFolder(Path folder) {
    return new BackupSettings(policy, folder, keep, postgresTools);
  }
}
