package com.migochat.runner.changeset;

import liquibase.changelog.ChangeSet;

/**
 * The identity of a changeset as Liquibase records it: id, author and (logical) file.
 *
 * @param id the changeset id; in Migochat it names the change, like an Alembic revision
 * @param author who wrote it
 * @param file the changeset's logical file path
 */
public record ChangeSetRef(String id, String author, String file) {

  /** The identity of a changeset Liquibase parsed. */
  public static ChangeSetRef of(ChangeSet changeSet) {
    return new ChangeSetRef(changeSet.getId(), changeSet.getAuthor(), changeSet.getFilePath());
  }

  @Override
  public String toString() {
    return file + "::" + id + "::" + author;
  }
}
