package com.migochat.migrations.runner;

/**
 * The identity of a changeset as Liquibase records it: id, author and (logical) file.
 *
 * @param id the changeset id; in Migochat it names the change, like an Alembic revision
 * @param author who wrote it
 * @param file the changeset's logical file path
 */
public record ChangeSetRef(String id, String author, String file) {

  @Override
  public String toString() {
    return file + "::" + id + "::" + author;
  }
}
