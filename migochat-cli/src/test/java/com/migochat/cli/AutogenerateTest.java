package com.migochat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * autogenerate against a changelog that lacks the full_name change the entities already have: it
 * drafts exactly that column into a new changeset and includes it in the master changelog.
 */
class AutogenerateTest {

  private static final String MASTER =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
      </databaseChangeLog>
      """;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void draftsTheColumnTheChangeLogLacks(Engine engine, @TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("migochat-changelog.xml"), MASTER);
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      int exit =
          MigochatCli.run(
              "autogenerate",
              "add full name",
              "--url=" + database.url(),
              "--user=" + database.user(),
              "--changelog=db/test/without-full-name-changelog.xml",
              "--dir=" + folder,
              "--author=tester");

      assertEquals(0, exit);
      List<Path> drafts;
      try (Stream<Path> files = Files.list(folder.resolve("changes"))) {
        drafts = files.toList();
      }
      assertEquals(1, drafts.size(), "one draft: " + drafts);
      String draft = Files.readString(drafts.get(0), StandardCharsets.UTF_8).toLowerCase();
      assertTrue(draft.contains("<addcolumn"), draft);
      assertTrue(draft.contains("name=\"full_name\""), draft);
      assertTrue(draft.contains("varchar(201)"), draft);
      assertTrue(draft.contains("author=\"tester\""), draft);
      assertEquals(1, draft.split("<column ").length - 1, "only full_name differs: " + draft);
      String master = Files.readString(folder.resolve("migochat-changelog.xml"));
      assertTrue(master.contains(drafts.get(0).getFileName().toString()), master);
    }
  }
}
