package com.migochat.migrations.config;

import com.migochat.runner.config.BackupSettings;
import com.migochat.runner.config.LockWaitSettings;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.DatabaseLogin;
import com.migochat.runner.settings.SettingSource;
import java.time.Duration;

/**
 * Every {@code migochat.*} setting of the application, read once from its setting source
 * (MicroProfile Config where the server has it, see {@link SettingSource#of}) with its default (see
 * {@link SettingKeys} for the keys and the README for what each does). The database password, the
 * admin password, the webhook's secrets and the account passwords are never shown.
 *
 * @param database {@code migochat.db.url}, {@code .user}, {@code .password}
 * @param databaseWait {@code migochat.db.wait-seconds}
 * @param changeLog {@code migochat.migrations.changelog}
 * @param contexts {@code migochat.migrations.contexts}
 * @param labels {@code migochat.migrations.labels}
 * @param lockWaits {@code migochat.migrations.lock-timeout}, {@code .lock-wait-budget}
 * @param hazardRows {@code migochat.migrations.hazard-rows}
 * @param allowOutOfOrder {@code migochat.migrations.allow-out-of-order}
 * @param backups {@code migochat.backup.before-upgrade}, {@code .dir}, {@code .keep}, {@code
 *     migochat.pg.bin}
 * @param console the console's accounts and login throttling
 * @param webhook the Messenger webhook's settings
 * @param instances {@code migochat.instances.heartbeat}, {@code .timeout}
 */
public record MigochatSettings(
    DatabaseLogin database,
    Duration databaseWait,
    String changeLog,
    String contexts,
    String labels,
    LockWaitSettings lockWaits,
    long hazardRows,
    boolean allowOutOfOrder,
    BackupSettings backups,
    ConsoleSettings console,
    WebhookSettings webhook,
    InstanceSettings instances) {

  /** Reads every setting from {@code source}; a setting that cannot be read says which it is. */
  public static MigochatSettings from(SettingSource source) {
    SettingReader read = new SettingReader(source);
    return new MigochatSettings(
        DatabaseLogin.from(source),
        Duration.ofSeconds(read.number(SettingKeys.DB_WAIT_SECONDS, 60)),
        read.text(SettingKeys.CHANGELOG, SettingKeys.DEFAULT_CHANGELOG),
        read.text(SettingKeys.CONTEXTS, ""),
        read.text(SettingKeys.LABELS, ""),
        read.lockWaits(),
        read.number(SettingKeys.HAZARD_ROWS, MigrationConfiguration.DEFAULT_HAZARD_ROWS),
        read.flag(SettingKeys.ALLOW_OUT_OF_ORDER, false),
        read.backups(),
        ConsoleSettings.from(read),
        WebhookSettings.from(read),
        InstanceSettings.from(read));
  }

  /** One line for the log: every setting, no secret. */
  @Override
  public String toString() {
    return "database "
        + database
        + " (waited for up to "
        + databaseWait.toSeconds()
        + " s), changelog "
        + changeLog
        + (contexts.isEmpty() ? "" : " with contexts " + contexts)
        + (labels.isEmpty() ? "" : " with label filter " + labels)
        + ", lock timeout "
        + LockWaitSettings.format(lockWaits.lockTimeout())
        + " tried again for up to "
        + LockWaitSettings.format(lockWaits.budget())
        + ", lock hazards block above "
        + hazardRows
        + " rows"
        + (allowOutOfOrder ? ", out-of-order changesets allowed" : "")
        + ", backups before upgrade "
        + backups.policy().name().toLowerCase(java.util.Locale.ROOT)
        + " into "
        + backups.folder()
        + " keeping "
        + (backups.keep() == 0 ? "all" : backups.keep())
        + (backups.postgresTools() == null
            ? ""
            : ", PostgreSQL tools in " + backups.postgresTools())
        + ", "
        + console
        + ", "
        + webhook
        + ", "
        + instances;
  }
}
