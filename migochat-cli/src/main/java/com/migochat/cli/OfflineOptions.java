package com.migochat.cli;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.SqlPreview;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.offline.OfflineDialect;
import com.migochat.runner.offline.OfflineScript;
import com.migochat.runner.upgrade.UpgradeTarget;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The script of an upgrade or downgrade for a database that is not there, as Alembic's {@code
 * --sql} writes it: for {@code upgrade} and {@code downgrade}.
 */
public class OfflineOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--offline",
      paramLabel = "postgresql|h2",
      converter = DialectConverter.class,
      description =
          "Print the SQL for a database of this type without connecting to any (implies --sql)."
              + " From an empty database it creates the history table, and it records each"
              + " changeset there, so applying it leaves the history the live command would.")
  OfflineDialect dialect;

  @Option(
      names = "--from",
      paramLabel = "CHANGESET",
      description =
          "With --offline: where that database stands: base (empty), head, or a changeset id (it"
              + " and every changeset before it count as applied). Default: base for upgrade,"
              + " head for downgrade.")
  String from;

  /** Whether the command writes an offline script; refuses {@code --from} without it. */
  boolean requested() {
    if (dialect == null && from != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--from says where an offline database stands: give --offline postgresql or h2 too");
    }
    return dialect != null;
  }

  SqlPreview upgrade(MigrationRunner runner, UpgradeTarget target) {
    return runner.offlineUpgradeSql(dialect, from == null ? OfflineScript.BASE : from, target);
  }

  SqlPreview downgrade(MigrationRunner runner, DowngradeTarget target) {
    return runner.offlineDowngradeSql(dialect, from == null ? OfflineScript.HEAD : from, target);
  }

  /** Reads {@code postgresql} or {@code h2}; anything else is wrong usage. */
  static final class DialectConverter implements ITypeConverter<OfflineDialect> {

    @Override
    public OfflineDialect convert(String value) {
      try {
        return OfflineDialect.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
