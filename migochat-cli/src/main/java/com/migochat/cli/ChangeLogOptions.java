package com.migochat.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which copy of the changelog a command reads, and which of its changesets: for the commands that
 * read or apply it. The filters default to the server's settings' environment variables, so that
 * the CLI and the server select the same changesets.
 */
public class ChangeLogOptions {

  @Option(
      names = "--contexts",
      defaultValue = "${env:MIGOCHAT_MIGRATIONS_CONTEXTS:-}",
      description =
          "Liquibase context filter, e.g. production or \"!test\": changesets whose context it"
              + " excludes are neither pending nor applied (env MIGOCHAT_MIGRATIONS_CONTEXTS;"
              + " default: all).")
  String contexts;

  @Option(
      names = "--label-filter",
      defaultValue = "${env:MIGOCHAT_MIGRATIONS_LABELS:-}",
      description =
          "Liquibase label expression, e.g. \"reporting and !experimental\": changesets whose"
              + " labels it excludes are neither pending nor applied (env"
              + " MIGOCHAT_MIGRATIONS_LABELS; default: all).")
  String labels;

  @Option(
      names = "--changelog-dir",
      description =
          "Folder on disk that holds the master changelog, read instead of the copy built into"
              + " the jar (default: the source tree's, when run inside the Migochat repository).")
  Path folder;
}
