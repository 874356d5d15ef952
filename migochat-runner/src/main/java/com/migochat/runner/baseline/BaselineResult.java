package com.migochat.runner.baseline;

import com.migochat.runner.changeset.ChangeSetRef;
import java.time.Duration;
import java.util.List;

/**
 * What baseline marked as applied, after finding the schema equal to the changelog's.
 *
 * @param marked the changesets now recorded as applied, in changelog order; none of them ran
 * @param duration how long the check and the marking took
 */
public record BaselineResult(List<ChangeSetRef> marked, Duration duration) {

  public BaselineResult {
    marked = List.copyOf(marked);
  }
}
