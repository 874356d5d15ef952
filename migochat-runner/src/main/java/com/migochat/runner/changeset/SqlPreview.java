package com.migochat.runner.changeset;

import java.util.List;

/**
 * The SQL an upgrade or downgrade would run, produced without changing the schema.
 *
 * @param changeSets the changesets it covers, in the order they would run
 * @param sql the script, including Liquibase's own history and lock statements
 */
public record SqlPreview(List<ChangeSetRef> changeSets, String sql) {

  public SqlPreview {
    changeSets = List.copyOf(changeSets);
  }
}
