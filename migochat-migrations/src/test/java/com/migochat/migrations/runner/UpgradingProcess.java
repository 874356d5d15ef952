package com.migochat.migrations.runner;

import com.migochat.migrations.datasource.JdbcUrlDataSource;
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
    JdbcUrlDataSource dataSource = new JdbcUrlDataSource();
    dataSource.setUrl(args[0]);
    dataSource.setUser(args[1]);
    MigrationRunner runner = new MigrationRunner(dataSource, new MigrationSettings(args[2], ""));
    BackupBeforeUpgrade backup =
        new BackupBeforeUpgrade(
            new DatabaseBackup(args[0], args[1], "", BackupSettings.defaults()),
            BackupBeforeUpgrade.Policy.ALWAYS,
            Path.of(args[3]));
    System.out.println(READY);
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    UpgradeResult result = runner.upgrade(backup);
    System.out.println(
        "applied " + result.applied().size() + (result.backup() == null ? "" : ", backed up"));
  }
}
