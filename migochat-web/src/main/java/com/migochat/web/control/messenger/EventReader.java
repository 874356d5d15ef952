package com.migochat.web.control.messenger;

import com.migochat.model.Direction;
import com.migochat.web.control.leads.MessagingEvent;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * Tells an event's kind from its fields, and reads the kinds Migochat stores (messages, echoes of
 * the page's own messages, postbacks) into a {@link MessagingEvent}. Only what is stored is
 * required: the user's id, the message id and the time.
 */
final class EventReader {

  static final String MESSAGE = "message";
  static final String POSTBACK = "postback";

  /** Fields that every kind may carry, and that therefore name no kind. */
  private static final Set<String> COMMON = Set.of("sender", "recipient", "timestamp");

  // The column sizes of the schema (messages.text is unbounded).
  private static final int PSID_LENGTH = 64;
  private static final int MESSAGE_ID_LENGTH = 128;
  private static final int DETAILS_LENGTH = 4000;

  private EventReader() {}

  /**
   * The event's kind: {@code message} or {@code postback}, which are stored, or the name of its
   * first other field ({@code delivery}, {@code read}, {@code optin}, {@code reaction}, ...).
   */
  static String kindOf(JsonObject event) {
    if (event.containsKey(MESSAGE)) {
      return MESSAGE;
    }
    if (event.containsKey(POSTBACK)) {
      return POSTBACK;
    }
    return event.keySet().stream()
        .filter(field -> !COMMON.contains(field))
        .findFirst()
        .orElse("unknown");
  }

  static boolean isStored(String kind) {
    return MESSAGE.equals(kind) || POSTBACK.equals(kind);
  }

  /** Reads an event of a stored kind; {@code where} prefixes the paths in its problems. */
  static MessagingEvent read(JsonObject event, String where) {
    OffsetDateTime sentAt = JsonFields.timestamp(event, where);
    if (event.containsKey(MESSAGE)) {
      return message(event, JsonFields.object(event, MESSAGE, where), where, sentAt);
    }
    JsonObject postback = JsonFields.object(event, POSTBACK, where);
    String at = where + "postback.";
    String sender = psid(event, "sender", where);
    String payload =
        JsonFields.fitting(
            JsonFields.required(postback, "payload", at), DETAILS_LENGTH, at + "payload");
    // Older API versions send no mid for a postback; sender and time identify it as well.
    String mid = JsonFields.optional(postback, "mid", at);
    String id = mid != null ? mid : "postback:" + sender + ":" + sentAt.toInstant().toEpochMilli();
    return new MessagingEvent(
        sender,
        Direction.IN,
        JsonFields.fitting(id, MESSAGE_ID_LENGTH, at + "mid"),
        JsonFields.optional(postback, "title", at),
        sentAt,
        Optional.of(new MessagingEvent.Activity(POSTBACK, payload)));
  }

  private static MessagingEvent message(
      JsonObject event, JsonObject message, String where, OffsetDateTime sentAt) {
    String at = where + "message.";
    // An echo is the page's own message: the user is its recipient.
    boolean echo = message.getBoolean("is_echo", false);
    Optional<MessagingEvent.Activity> quickReply = Optional.empty();
    if (message.containsKey("quick_reply")) {
      JsonObject reply = JsonFields.object(message, "quick_reply", at);
      String payload = JsonFields.required(reply, "payload", at + "quick_reply.");
      quickReply =
          Optional.of(
              new MessagingEvent.Activity(
                  "quick_reply",
                  JsonFields.fitting(payload, DETAILS_LENGTH, at + "quick_reply.payload")));
    }
    return new MessagingEvent(
        psid(event, echo ? "recipient" : "sender", where),
        echo ? Direction.OUT : Direction.IN,
        JsonFields.fitting(JsonFields.required(message, "mid", at), MESSAGE_ID_LENGTH, at + "mid"),
        JsonFields.optional(message, "text", at),
        sentAt,
        quickReply);
  }

  private static String psid(JsonObject event, String party, String where) {
    return JsonFields.fitting(
        JsonFields.required(JsonFields.object(event, party, where), "id", where + party + "."),
        PSID_LENGTH,
        where + party + ".id");
  }
}
