package com.migochat.runner.instance;

/**
 * What an instance was built from: the application's version and the last changeset of the
 * changelog it ships (its head). Two instances with the same head expect the same schema.
 *
 * @param version the application's version, e.g. {@code 1.4.0}
 * @param changeLogHead the last changeset of its changelog, as {@code file::id::author}; empty when
 *     the changelog has none
 */
public record Release(String version, String changeLogHead) {

  public Release {
    version = version == null || version.isBlank() ? "unknown" : version;
    changeLogHead = changeLogHead == null ? "" : changeLogHead;
  }

  @Override
  public String toString() {
    return version + " (changelog head " + (changeLogHead.isEmpty() ? "none" : changeLogHead) + ")";
  }
}
