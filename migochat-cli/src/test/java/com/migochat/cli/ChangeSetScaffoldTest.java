package com.migochat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.changeset.ChangeSetRef;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeSetScaffoldTest {

  @Test
  void newWritesTheNextChangeSetFileAndIncludesItLast(@TempDir Path folder) throws Exception {
    Path master = folder.resolve("migochat-changelog.xml");
    try (InputStream shipped =
        ChangeSetScaffoldTest.class.getResourceAsStream("/db/changelog/migochat-changelog.xml")) {
      Files.copy(shipped, master);
    }
    Clock clock = Clock.fixed(Instant.parse("2026-01-31T09:05:00Z"), ZoneOffset.UTC);

    ChangeSetRef created =
        new ChangeSetScaffold(folder, clock).create("Add phone number & <consent>", "ana");

    assertEquals("20260131_0905_add_phone_number_consent", created.id());
    Path file = folder.resolve("changes/20260131_0905_add_phone_number_consent.xml");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(
        text.contains("logicalFilePath=\"migochat/20260131_0905_add_phone_number_consent.xml\""));
    assertTrue(text.contains("author=\"ana\""));
    assertTrue(text.contains("<rollback>"));
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    String masterText = Files.readString(master, StandardCharsets.UTF_8);
    assertTrue(
        masterText
            .strip()
            .endsWith(
                "<include file=\"changes/20260131_0905_add_phone_number_consent.xml\""
                    + " relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>"),
        masterText);
    assertThrows(
        IllegalArgumentException.class,
        () -> new ChangeSetScaffold(folder, clock).create("add phone number, consent", "ana"));
  }
}
