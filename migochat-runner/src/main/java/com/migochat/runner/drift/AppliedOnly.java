package com.migochat.runner.drift;

import com.migochat.runner.changeset.ChangeSetRef;
import java.util.Set;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ChangeSetFilterResult;

/** Lets through only the changesets another database's history says it applied. */
final class AppliedOnly implements ChangeSetFilter {

  private final Set<ChangeSetRef> applied;

  AppliedOnly(Set<ChangeSetRef> applied) {
    this.applied = Set.copyOf(applied);
  }

  @Override
  public ChangeSetFilterResult accepts(ChangeSet changeSet) {
    boolean ran = applied.contains(ChangeSetRef.of(changeSet));
    return new ChangeSetFilterResult(
        ran,
        ran ? "applied on the live database" : "not applied on the live database",
        AppliedOnly.class);
  }
}
