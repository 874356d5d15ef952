package com.migochat.web.security;

import com.migochat.migrations.config.SettingKeys;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * Where a generated administrator password goes: a file that only its owner can read, so that the
 * password never reaches the log, whose permissions are the server's defaults. The file is created
 * with permissions 0600 (never widened and narrowed afterwards), under a new name in the same
 * folder, then moved over the previous one, so a reader never sees a half-written or wider file.
 */
final class AdminPasswordFile {

  private static final Logger LOG = Logger.getLogger(AdminPasswordFile.class.getName());

  private AdminPasswordFile() {}

  /** Writes {@code password} to {@code file} and returns the file's absolute path. */
  static Path write(Path file, String password) {
    Path target = file.toAbsolutePath().normalize();
    Path folder = target.getParent();
    boolean posix = supportsPosix(target.getFileSystem());
    try {
      if (posix) {
        Files.createDirectories(folder, owner("rwx------"));
      } else {
        Files.createDirectories(folder);
        LOG.warning(
            "This file system has no POSIX permissions: make sure only the server's user can read "
                + target
                + ", or set MIGOCHAT_ADMIN_PASSWORD instead of using a generated password");
      }
      Path written =
          posix
              ? Files.createTempFile(folder, ".admin-password-", ".tmp", owner("rw-------"))
              : Files.createTempFile(folder, ".admin-password-", ".tmp");
      try {
        Files.writeString(written, password);
        Files.move(
            written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(written);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot write the generated admin password to "
              + target
              + " ("
              + e
              + "): point "
              + SettingKeys.ADMIN_PASSWORD_FILE
              + " (MIGOCHAT_ADMIN_PASSWORD_FILE) at a file in a folder the server may write, or set"
              + " MIGOCHAT_ADMIN_PASSWORD to choose the password",
          e);
    }
    return target;
  }

  private static boolean supportsPosix(FileSystem fileSystem) {
    return fileSystem.supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?> owner(String permissions) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
  }
}
