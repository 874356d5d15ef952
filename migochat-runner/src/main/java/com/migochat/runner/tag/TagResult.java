package com.migochat.runner.tag;

import com.migochat.runner.changeset.ChangeSetRef;

/**
 * A tag set on the history.
 *
 * @param tag the tag
 * @param changeSet the most recently applied changeset, which now carries the tag
 */
public record TagResult(String tag, ChangeSetRef changeSet) {}
