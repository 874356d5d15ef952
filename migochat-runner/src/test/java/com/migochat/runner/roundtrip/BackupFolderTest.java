package com.migochat.runner.roundtrip;

import static com.migochat.runner.roundtrip.BackupRestoreTest.migrated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.migochat.runner.backup.DatabaseBackup;
import com.migochat.runner.config.BackupPolicy;
import com.migochat.runner.config.BackupSettings;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backups hold every row, so only their owner may read them; a folder keeps the last backups and
 * never loses a file that is not one.
 */
class BackupFolderTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBackupIsReadableByItsOwnerOnlyInAFolderThatIsTheOwnersOnly(
      Engine engine, @TempDir Path temporary) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      migrated(database);
      Path folder = temporary.resolve("data").resolve("backups");

      Path backup = DatabaseBackup.of(database.configure().load()).backup(folder).file();

      assertEquals("rwx------", permissions(folder));
      assertEquals("rw-------", permissions(backup));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFolderKeepsTheLastBackupsAndEveryFileThatIsNotOne(Engine engine, @TempDir Path folder)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      migrated(database);
      List<String> others =
          List.of(
              "notes.txt", "migochat-before-the-move.zip", "migochat-20200101-000000-000.dump.bak");
      for (String other : others) {
        Files.writeString(folder.resolve(other), "not a backup of today's Migochat");
      }
      DatabaseBackup backups =
          DatabaseBackup.of(
              database
                  .configure()
                  .backups(new BackupSettings(BackupPolicy.NEVER, folder, 2, null))
                  .load());

      List<String> taken = new ArrayList<>();
      for (int backup = 0; backup < 3; backup++) {
        taken.add(backups.backup(folder).file().getFileName().toString());
      }

      List<String> expected = new ArrayList<>(others);
      expected.addAll(taken.subList(1, 3));
      assertEquals(expected.stream().sorted().toList(), namesIn(folder));
    }
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static List<String> namesIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
