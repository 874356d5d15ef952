package com.migochat.cli;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the master changelog is read from: a folder on disk (given, or the source tree's when the
 * CLI runs inside the repository, so that a changeset {@code new} just wrote is applied without a
 * rebuild), else the copy built into the jar. Files keep their class-path names either way, so the
 * history is the same whichever copy is read.
 *
 * @param folder the folder on disk, or null for the built-in copy
 * @param description one line saying which copy, for the operator
 */
record ChangeLogSource(Path folder, String description) {

  /** Where {@code new} writes, below the repository's root. */
  static final String SOURCE_RESOURCES = "migochat-runner/src/main/resources";

  /**
   * The given folder, else the source tree's found from {@code workingDirectory} upward, else the
   * class path's copy of {@code changeLog}.
   */
  static ChangeLogSource find(String changeLog, Path given, Path workingDirectory) {
    String file = Path.of(changeLog).getFileName().toString();
    if (given != null) {
      Path master = given.toAbsolutePath().normalize().resolve(file);
      if (!Files.isRegularFile(master)) {
        throw new IllegalArgumentException(
            "--changelog-dir "
                + given
                + " holds no "
                + file
                + ": give the folder of the master changelog, e.g. "
                + SOURCE_RESOURCES
                + "/db/changelog");
      }
      return onDisk(master);
    }
    return inSourceTree(changeLog, workingDirectory)
        .map(ChangeLogSource::onDisk)
        .orElseGet(() -> builtIn(changeLog));
  }

  private static Optional<Path> inSourceTree(String changeLog, Path workingDirectory) {
    for (Path folder = workingDirectory.toAbsolutePath().normalize();
        folder != null;
        folder = folder.getParent()) {
      for (Path resources :
          new Path[] {folder.resolve(SOURCE_RESOURCES), folder.resolve("src/main/resources")}) {
        Path master = resources.resolve(changeLog);
        if (Files.isRegularFile(master)) {
          return Optional.of(master);
        }
      }
    }
    return Optional.empty();
  }

  private static ChangeLogSource onDisk(Path master) {
    return new ChangeLogSource(master.getParent(), "Changelog: " + master + " (on disk)");
  }

  private static ChangeLogSource builtIn(String changeLog) {
    URL copy = ChangeLogSource.class.getClassLoader().getResource(changeLog);
    String where;
    if (copy == null) {
      where = " (not on the class path)";
    } else if (copy.getProtocol().equals("jar")) {
      String jar = copy.getPath().substring(0, copy.getPath().indexOf("!/"));
      where = " (built into " + jar.substring(jar.lastIndexOf('/') + 1) + ")";
    } else {
      where = " (on the class path: " + copy.getPath() + ")";
    }
    return new ChangeLogSource(null, "Changelog: " + changeLog + where);
  }
}
