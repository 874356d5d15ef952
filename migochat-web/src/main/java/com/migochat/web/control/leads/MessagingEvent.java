package com.migochat.web.control.leads;

import com.migochat.model.Direction;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One messaging event of a page, as Migochat keeps it: a message (or postback) of the user {@code
 * psid}, identified by {@code messageId} so that a redelivery is recognised, and the lead activity
 * it counts as, if any.
 */
public record MessagingEvent(
    String psid,
    Direction direction,
    String messageId,
    String text,
    OffsetDateTime sentAt,
    Optional<Activity> activity) {

  /** What the user did that sales cares about: a postback button or a quick reply. */
  public record Activity(String type, String details) {}
}
