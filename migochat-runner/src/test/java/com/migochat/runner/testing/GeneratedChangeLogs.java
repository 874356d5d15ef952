package com.migochat.runner.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Changelog files a test writes, and rewrites, on the test class path (the runner and Liquibase
 * read changelogs from the class path): each in a folder of its own under {@code
 * db/test/generated}, deleted on close.
 */
public final class GeneratedChangeLogs implements AutoCloseable {

  private static final String XML_HEADER =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n";

  private final Path folder;
  private final String resourceFolder;

  private GeneratedChangeLogs(Path folder, String resourceFolder) {
    this.folder = folder;
    this.resourceFolder = resourceFolder;
  }

  public static GeneratedChangeLogs create() {
    URL testResources = GeneratedChangeLogs.class.getResource("/db/test");
    String name = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      Path folder = Path.of(testResources.toURI()).resolve("generated").resolve(name);
      Files.createDirectories(folder);
      return new GeneratedChangeLogs(folder, "db/test/generated/" + name + "/");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes (or rewrites) a file; returns its class-path name. */
  public String write(String name, String content) {
    try {
      Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return resourceFolder + name;
  }

  /** An XML changelog of {@code body}, the namespace given and nothing else. */
  public static String xml(String body) {
    return XML_HEADER + body + "\n</databaseChangeLog>\n";
  }

  /**
   * An XML changelog of {@code body} with the schema location too, as stock Liquibase, which checks
   * every file against its XML schema, wants it.
   */
  public static String xmlWithSchema(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
        + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        + "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog\n"
        + "        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n"
        + body
        + "\n</databaseChangeLog>\n";
  }

  /** An XML changeset creating the table {@code name}, with the table's name as its id. */
  public static String createTable(String name) {
    return ("<changeSet id='%1$s' author='test'><createTable tableName='%1$s'>"
            + "<column name='id' type='BIGINT'/></createTable></changeSet>\n")
        .formatted(name);
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
