package com.migochat.runner.backup;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of Migochat backups. Backups hold every user row and the history, so a folder created
 * here is its owner's alone (0700) and each file is created readable by its owner only (0600),
 * never readable by others even for a moment. Files are named {@code migochat-<UTC
 * stamp>.<dump|zip>}, so their names sort by age, and only files named so count as backups:
 * retention never deletes anything else.
 */
final class BackupFolder {

  private static final Logger LOG = Logger.getLogger(BackupFolder.class.getName());
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
  private static final Pattern BACKUP =
      Pattern.compile("migochat-\\d{8}-\\d{6}-\\d{3}\\.(dump|zip)");
  private static final Set<PosixFilePermission> OWNER_FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final Path folder;
  private final int keep;

  /**
   * @param keep how many backups to keep when {@link #prune()} runs; 0 keeps them all
   */
  BackupFolder(Path folder, int keep) {
    this.folder = folder.toAbsolutePath().normalize();
    this.keep = keep;
  }

  /** Creates a new, empty backup file, readable by its owner only, in the private folder. */
  Path newFile(String extension) throws IOException {
    makePrivate();
    while (true) {
      String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
      Path file = folder.resolve("migochat-" + stamp + "." + extension);
      try {
        return posix() ? Files.createFile(file, attribute(OWNER_FILE)) : Files.createFile(file);
      } catch (FileAlreadyExistsException sameMillisecond) {
        // Another backup started in the same millisecond; the next one gives a new name.
        LockSupport.parkNanos(1_000_000);
      }
    }
  }

  /** Deletes the oldest backups beyond the number to keep, and logs each; returns them. */
  List<Path> prune() throws IOException {
    if (keep == 0) {
      return List.of();
    }
    List<Path> old;
    try (Stream<Path> files = Files.list(folder)) {
      old =
          files
              .filter(file -> BACKUP.matcher(file.getFileName().toString()).matches())
              .filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
              .sorted(Comparator.comparing((Path file) -> file.getFileName()).reversed())
              .skip(keep)
              .toList();
    }
    for (Path file : old) {
      Files.delete(file);
      LOG.info(
          "Deleted the old backup "
              + file
              + ": migochat.backup.keep keeps the last "
              + keep
              + " backups in "
              + folder);
    }
    return old;
  }

  private void makePrivate() throws IOException {
    if (!posix()) {
      Files.createDirectories(folder);
      return;
    }
    if (Files.notExists(folder)) {
      Files.createDirectories(folder, attribute(OWNER_FOLDER));
      return;
    }
    // An existing folder may be shared (a restore saves beside its file, which may lie in /tmp):
    // its permissions are the operator's to change. The files in it are private either way.
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(folder);
    if (!OWNER_FOLDER.containsAll(now)) {
      LOG.warning(
          "The backup folder "
              + folder
              + " is open to other users ("
              + PosixFilePermissions.toString(now)
              + "): they can see which backups exist, though not read them. Make it private:"
              + " chmod 700 "
              + folder);
    }
  }

  private boolean posix() {
    return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(
      Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }

  /**
   * Deletes a file or folder Migochat no longer needs (a temporary copy of tables, a listing of a
   * dump, a scratch database); what cannot be deleted is logged, since it may hold Migochat's data.
   */
  static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(file)) {
      for (Path each : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    } catch (java.nio.file.NoSuchFileException gone) {
      // Deleted already.
    } catch (IOException e) {
      LOG.warning("Could not delete " + file + ", a copy Migochat no longer needs: " + e);
    }
  }
}
