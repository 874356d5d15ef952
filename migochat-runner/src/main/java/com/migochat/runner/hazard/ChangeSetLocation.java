package com.migochat.runner.hazard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.resource.Resource;

/**
 * Where a changeset is written. Liquibase keeps no line numbers, so the line is found by looking
 * for the changeset's id in its file's text ({@code id="…"} or {@code id='…'} in XML, {@code :id}
 * after {@code --changeset author} in formatted SQL, {@code id: …} in YAML); 0 when not found.
 *
 * @param file the file as Liquibase read it (the physical path, not the logical one)
 * @param line the 1-based line, or 0
 */
record ChangeSetLocation(String file, int line) {

  static ChangeSetLocation of(ChangeSet changeSet) {
    String file =
        changeSet.getChangeLog() == null
            ? changeSet.getFilePath()
            : changeSet.getChangeLog().getPhysicalFilePath();
    String text = read(file);
    String id = changeSet.getId();
    for (String form : List.of("id=\"" + id + "\"", "id='" + id + "'", "id: " + id, ":" + id)) {
      int at = text.indexOf(form);
      if (at >= 0) {
        return new ChangeSetLocation(file, lineOf(text, at));
      }
    }
    return new ChangeSetLocation(file, 0);
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int index = 0; index < offset; index++) {
      if (text.charAt(index) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String read(String file) {
    try {
      Resource resource = Scope.getCurrentScope().getResourceAccessor().get(file);
      if (!resource.exists()) {
        return "";
      }
      try (InputStream in = resource.openInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      return "";
    }
  }
}
