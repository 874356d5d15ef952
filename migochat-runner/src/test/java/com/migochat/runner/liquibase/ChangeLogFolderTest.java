package com.migochat.runner.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.status.StatusReport;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edit-and-upgrade loop: the changelog read from the source tree on disk, with a changeset
 * added since the build, records the same history as the built-in copy, so that either copy finds
 * the other's upgrade complete and only the new changeset is new.
 */
class ChangeLogFolderTest {

  private static final Path SOURCE = Path.of("src/main/resources/db/changelog");
  private static final String ADDED = "29991231_2359_add_phone";

  @Test
  void anUpgradeFromDiskAndOneFromTheBuiltInCopyRecordTheSameHistory(@TempDir Path tree)
      throws Exception {
    Path folder = copyWithAnAddedChangeSet(tree);
    try (ThrowawayDatabase fromDisk = ThrowawayDatabase.postgres();
        ThrowawayDatabase builtIn = ThrowawayDatabase.postgres()) {
      MigrationRunner disk =
          new MigrationRunner(fromDisk.configure().changeLogFolder(folder).load());
      List<String> all = new ArrayList<>(ExpectedChangeSets.IDS);
      all.add(ADDED);

      assertEquals(all, ids(disk.status().pending()));
      assertEquals(all, ids(disk.upgrade().applied()));

      StatusReport jar = fromDisk.runner().status();
      assertEquals(disk.status().history(), jar.history());
      assertTrue(jar.pending().isEmpty(), "the built-in copy finds nothing pending: " + jar);
      assertTrue(fromDisk.runner().upgrade().nothingApplied());
      ChangeSetRun added = jar.history().get(0);
      assertEquals(ADDED, added.changeSet().id());
      assertEquals("db/changelog/changes/" + ADDED + ".xml", added.changeSet().file());

      builtIn.runner().upgrade();
      MigrationRunner diskOnJarHistory =
          new MigrationRunner(builtIn.configure().changeLogFolder(folder).load());
      assertEquals(List.of(ADDED), ids(diskOnJarHistory.status().pending()));
    }
  }

  @Test
  void fileNamesWithoutLogicalFilePathsAreRecordedAsFromTheClassPath(@TempDir Path folder)
      throws Exception {
    String changeLog = "db/test/filtered-changelog.xml";
    Files.copy(Path.of("src/test/resources", changeLog), folder.resolve("filtered-changelog.xml"));
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner disk =
          new MigrationRunner(
              database.configure().changeLog(changeLog).changeLogFolder(folder).load());

      assertEquals(5, disk.upgrade().applied().size());

      StatusReport classPath = database.runner(changeLog).status();
      assertTrue(classPath.pending().isEmpty(), classPath.toString());
      assertTrue(
          classPath.history().stream().allMatch(run -> run.changeSet().file().equals(changeLog)),
          classPath.history().toString());
    }
  }

  /**
   * The shipped changelog's folder, copied, with a changeset that has no logicalFilePath (so its
   * file name is its path) included at the end, as {@code migochat new} would add it.
   */
  private static Path copyWithAnAddedChangeSet(Path tree) throws IOException {
    Path folder = tree.resolve("changelog");
    try (Stream<Path> files = Files.walk(SOURCE)) {
      for (Path file : files.toList()) {
        Files.copy(file, folder.resolve(SOURCE.relativize(file).toString()));
      }
    }
    Files.writeString(
        folder.resolve("changes/" + ADDED + ".xml"),
        """
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
          <changeSet id="%s" author="developer">
            <addColumn tableName="users"><column name="phone" type="VARCHAR(40)"/></addColumn>
          </changeSet>
        </databaseChangeLog>
        """
            .formatted(ADDED));
    Path master = folder.resolve("migochat-changelog.xml");
    Files.writeString(
        master,
        Files.readString(master)
            .replace(
                "</databaseChangeLog>",
                "  <include file=\"changes/"
                    + ADDED
                    + ".xml\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>"));
    return folder;
  }

  private static List<String> ids(List<ChangeSetRef> changeSets) {
    return changeSets.stream().map(ChangeSetRef::id).toList();
  }
}
