package com.migochat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.config.MigrationConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which copy of the changelog the CLI reads, from where it runs. */
class ChangeLogSourceTest {

  private static final String CHANGELOG = MigrationConfiguration.DEFAULT_CHANGELOG;

  @Test
  void fromAnyFolderOfTheRepositoryTheSourceTreesChangeLogIsRead(@TempDir Path repository)
      throws Exception {
    Path master = repository.resolve(ChangeLogSource.SOURCE_RESOURCES).resolve(CHANGELOG);
    Files.createDirectories(master.getParent());
    Files.writeString(master, "<databaseChangeLog/>");
    Path deep = Files.createDirectories(repository.resolve("migochat-web/src/main"));

    ChangeLogSource source = ChangeLogSource.find(CHANGELOG, null, deep);

    assertEquals(master.getParent(), source.folder());
    assertEquals("Changelog: " + master + " (on disk)", source.description());
  }

  @Test
  void outsideTheRepositoryTheBuiltInCopyIsRead() {
    ChangeLogSource source = ChangeLogSource.find(CHANGELOG, null, Path.of("/"));

    assertNull(source.folder());
    assertTrue(
        source.description().startsWith("Changelog: " + CHANGELOG + " ("), source.description());
  }

  @Test
  void aGivenFolderWithoutTheMasterChangeLogIsRefusedNamingWhatToGive(@TempDir Path empty) {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> ChangeLogSource.find(CHANGELOG, empty, empty));

    assertTrue(
        refused.getMessage().contains("holds no migochat-changelog.xml"), refused.getMessage());
  }
}
