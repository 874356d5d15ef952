package com.migochat.runner.status;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a database stands against the changelog.
 *
 * @param history the changesets that ran, newest first
 * @param pending the changesets of the changelog that have not run, in the order they would run
 */
public record StatusReport(List<ChangeSetRun> history, List<ChangeSetRef> pending) {

  public StatusReport {
    history = List.copyOf(history);
    pending = List.copyOf(pending);
  }

  /** The schema version: the changeset that ran last, if any ran. */
  public Optional<ChangeSetRun> current() {
    return history.stream().findFirst();
  }

  /** The most recent tag in the history, if the history was ever tagged. */
  public Optional<String> latestTag() {
    return history.stream().map(ChangeSetRun::tag).filter(Objects::nonNull).findFirst();
  }

  /** The changesets that ran, newest first. */
  public List<ChangeSetRef> applied() {
    return history.stream().map(ChangeSetRun::changeSet).toList();
  }

  /** Where the changeset {@code id} stands among {@code changeSets}, or -1. */
  public static int indexOf(List<ChangeSetRef> changeSets, String id) {
    for (int index = 0; index < changeSets.size(); index++) {
      if (Objects.equals(changeSets.get(index).id(), id)) {
        return index;
      }
    }
    return -1;
  }

  /** Whether every changeset of the changelog has run. */
  public boolean atHead() {
    return pending.isEmpty();
  }
}
