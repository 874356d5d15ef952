package com.migochat.cli;

import com.migochat.runner.config.BackupPolicy;
import com.migochat.runner.config.BackupSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where backups go and how many are kept: for {@code backup} and {@code upgrade}. */
public class BackupOptions {

  @Option(
      names = {"--dir", "--backup-dir"},
      defaultValue = "${env:MIGOCHAT_BACKUP_DIR:-" + BackupSettings.DEFAULT_FOLDER + "}",
      description = "Folder for backups (env MIGOCHAT_BACKUP_DIR; default: ${DEFAULT-VALUE}).")
  Path folder;

  @Option(
      names = {"--keep", "--backup-keep"},
      defaultValue = "${env:MIGOCHAT_BACKUP_KEEP:-" + BackupSettings.DEFAULT_KEEP + "}",
      description = {
        "Backups to keep in the folder: older ones are deleted, other files never (env",
        "MIGOCHAT_BACKUP_KEEP; default: ${DEFAULT-VALUE}; 0 keeps them all)."
      })
  int keep;

  /** These settings, with {@code policy} for an upgrade. */
  BackupSettings settings(BackupPolicy policy) {
    return new BackupSettings(policy, folder, keep, null);
  }
}
