package com.migochat.web.control.deadletters;

import com.migochat.web.control.leads.StoredEvents;
import java.time.OffsetDateTime;

/**
 * A dead letter stored after all.
 *
 * @param id the dead letter
 * @param replayedAt when it was stored
 * @param stored what storing it did (a message stored before counts as redelivered)
 */
public record ReplayResult(long id, OffsetDateTime replayedAt, StoredEvents stored) {}
