package com.migochat.runner.upgrade;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.config.BackupPolicy;
import com.migochat.runner.config.BackupSettings;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.DatabaseLogin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An instance's startup migration in a process of its own, backing up first whenever something is
 * pending: {@code UpgradingProcess <jdbc url> <user> <changelog> <backup folder>}. Says {@value
 * #READY} once started, upgrades when it reads a line, then prints what it applied.
 */
public final class UpgradingProcess {

  static final String READY = "ready";

  private UpgradingProcess() {}

  public static void main(String[] args) throws Exception {
    MigrationRunner runner =
        new MigrationRunner(
            MigrationConfiguration.configure(DatabaseLogin.of(args[0], args[1], ""))
                .changeLog(args[2])
                .backups(
                    BackupSettings.defaults()
                        .withPolicy(BackupPolicy.ALWAYS)
                        .withFolder(Path.of(args[3])))
                .load());
    System.out.println(READY);
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    UpgradeResult result = runner.upgrade();
    System.out.println(
        "applied " + result.applied().size() + (result.backup() == null ? "" : ", backed up"));
  }
}
