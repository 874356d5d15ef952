package com.migochat.cli;

import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** Where new changeset files go and who writes them: shared by new and autogenerate. */
public class ChangeLogFolderOptions {

  @Option(
      names = "--dir",
      defaultValue = "migochat-runner/src/main/resources/db/changelog",
      description = "Folder of the master changelog (default: ${DEFAULT-VALUE}).")
  Path folder;

  @Option(
      names = "--author",
      defaultValue = "${env:USER:-migochat}",
      description = "Author of the changeset (default: ${DEFAULT-VALUE}).")
  String author;

  ChangeSetScaffold scaffold() {
    return new ChangeSetScaffold(folder, Clock.systemUTC());
  }
}
