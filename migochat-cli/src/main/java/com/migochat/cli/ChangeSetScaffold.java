package com.migochat.cli;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.schema.SchemaDifferences;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes the next changeset file, {@code changes/YYYYMMDD_HHMM_<slug>.xml}, with its logical file
 * path, author, comment and a rollback section to fill in, and includes it at the end of the master
 * changelog: Alembic's {@code revision -m}.
 */
public final class ChangeSetScaffold {

  private static final DateTimeFormatter PREFIX = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm");
  private static final String MASTER = "migochat-changelog.xml";
  private static final String END = "</databaseChangeLog>";

  private final Path changeLogFolder;
  private final Clock clock;

  /** {@code changeLogFolder} holds the master changelog and the {@code changes/} folder. */
  public ChangeSetScaffold(Path changeLogFolder, Clock clock) {
    this.changeLogFolder = changeLogFolder;
    this.clock = clock;
  }

  /** Creates the file, with a rollback section to fill in, and includes it. */
  public ChangeSetRef create(String message, String author) {
    return write(message, author, PLACEHOLDER);
  }

  /**
   * Creates the file with the changes that remove {@code differences}, and includes it: a draft to
   * review, as Alembic's {@code revision --autogenerate} writes.
   */
  public ChangeSetRef createDraft(String message, String author, SchemaDifferences differences) {
    StringBuilder body = new StringBuilder("    <!-- Drafted by autogenerate from:\n");
    for (String difference : differences.differences()) {
      body.append("         ").append(difference.replace("--", "- -")).append('\n');
    }
    body.append(
        "         Review every change; Liquibase derives the rollback of creates and adds, add a\n"
            + "         <rollback> for anything else. -->\n");
    for (String change : differences.changes()) {
      body.append(change.strip().indent(4));
    }
    return write(message, author, body.toString());
  }

  private ChangeSetRef write(String message, String author, String body) {
    String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    slug = slug.replaceAll("^_+|_+$", "");
    if (slug.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + message + "' has no letters or digits to name the changeset after");
    }
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("_+$", "");
    }
    String id = ZonedDateTime.now(clock).format(PREFIX) + "_" + slug;
    Path master = changeLogFolder.resolve(MASTER);
    Path file = changeLogFolder.resolve("changes").resolve(id + ".xml");
    if (!Files.isRegularFile(master)) {
      throw new IllegalArgumentException(
          "No " + MASTER + " in " + changeLogFolder + ": give the folder of the master changelog");
    }
    if (Files.exists(file)) {
      throw new IllegalArgumentException(file + " exists already; wait a minute or reword it");
    }
    try {
      String masterText = Files.readString(master, StandardCharsets.UTF_8);
      int end = masterText.lastIndexOf(END);
      if (end < 0) {
        throw new IllegalArgumentException(master + " does not end with " + END);
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, template(id, author, message, body), StandardCharsets.UTF_8);
      String include =
          "  <include file=\"changes/" + id + ".xml\" relativeToChangelogFile=\"true\"/>\n";
      Files.writeString(
          master,
          masterText.substring(0, end) + include + masterText.substring(end),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the new changeset " + file, e);
    }
    return new ChangeSetRef(id, author, "migochat/" + id + ".xml");
  }

  private static final String PLACEHOLDER =
      """
          <!-- The changes, e.g. <addColumn tableName="users">...</addColumn> -->
          <rollback>
            <!-- How to undo them; required unless Liquibase can derive it. Never drop data
                 that the change derived from other data without keeping the originals. -->
          </rollback>
      """;

  private static String template(String id, String author, String message, String body) {
    String comment = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog
            xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                                http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd"
            logicalFilePath="migochat/%1$s.xml">

          <changeSet id="%1$s" author="%2$s">
            <comment>%3$s. Say why the schema needs this.</comment>
        %4$s  </changeSet>
        </databaseChangeLog>
        """
        .formatted(id, author, comment, body);
  }
}
