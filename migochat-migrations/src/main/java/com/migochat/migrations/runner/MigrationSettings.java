package com.migochat.migrations.runner;

/**
 * What to migrate with.
 *
 * @param changeLog class-path location of the master changelog
 * @param contexts Liquibase context filter; empty runs every changeset
 */
public record MigrationSettings(String changeLog, String contexts) {

  /** The changelog that ships with Migochat. */
  public static final String DEFAULT_CHANGELOG = "db/changelog/migochat-changelog.xml";

  public MigrationSettings {
    if (changeLog == null || changeLog.isBlank()) {
      throw new IllegalArgumentException(
          "No changelog given. Set migochat.migrations.changelog, or leave it unset to use "
              + DEFAULT_CHANGELOG);
    }
    contexts = contexts == null ? "" : contexts;
  }

  public static MigrationSettings defaults() {
    return new MigrationSettings(DEFAULT_CHANGELOG, "");
  }
}
