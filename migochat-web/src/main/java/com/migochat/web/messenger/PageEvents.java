package com.migochat.web.messenger;

import com.migochat.model.Direction;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The messaging events of one webhook body, read completely before anything is stored, so that a
 * body with one bad event is refused as a whole. Events Migochat does not keep (deliveries, reads,
 * reactions, ...) are counted and skipped.
 *
 * @param events what to store, in the order Facebook sent them
 * @param ignored how many events were of a kind Migochat does not keep
 */
public record PageEvents(List<MessagingEvent> events, int ignored) {

  // The column sizes of the schema; a longer value is refused rather than cut.
  private static final int PSID_LENGTH = 64;
  private static final int MESSAGE_ID_LENGTH = 128;
  private static final int TEXT_LENGTH = 2000;
  private static final int DETAILS_LENGTH = 4000;

  /** Reads a webhook body; throws {@link UnusablePayload} naming the first problem. */
  public static PageEvents parse(byte[] body) {
    JsonObject root;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      root = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new UnusablePayload("malformed JSON: " + e.getMessage());
    }
    String object = string(root, "object", "");
    if (!"page".equals(object)) {
      throw new UnusablePayload("not a page event: \"object\" is " + root.get("object"));
    }
    List<MessagingEvent> events = new ArrayList<>();
    int ignored = 0;
    JsonArray entries = array(root, "entry", "");
    for (int e = 0; e < entries.size(); e++) {
      JsonObject entry = object(entries.get(e), "entry[" + e + "]");
      if (!entry.containsKey("messaging")) {
        continue;
      }
      JsonArray messaging = array(entry, "messaging", "entry[" + e + "].");
      for (int m = 0; m < messaging.size(); m++) {
        String where = "entry[" + e + "].messaging[" + m + "]";
        Optional<MessagingEvent> event = event(object(messaging.get(m), where), where + ".");
        if (event.isPresent()) {
          events.add(event.get());
        } else {
          ignored++;
        }
      }
    }
    return new PageEvents(events, ignored);
  }

  private static Optional<MessagingEvent> event(JsonObject event, String where) {
    String sender =
        limited(
            string(object(event, "sender", where), "id", where + "sender."),
            PSID_LENGTH,
            where + "sender.id");
    String recipient =
        limited(
            string(object(event, "recipient", where), "id", where + "recipient."),
            PSID_LENGTH,
            where + "recipient.id");
    OffsetDateTime sentAt = timestamp(event, where);
    if (event.containsKey("message")) {
      JsonObject message = object(event, "message", where);
      String at = where + "message.";
      boolean echo = message.getBoolean("is_echo", false);
      Optional<MessagingEvent.Activity> quickReply =
          message.containsKey("quick_reply")
              ? Optional.of(
                  new MessagingEvent.Activity(
                      "quick_reply",
                      limited(
                          string(
                              object(message, "quick_reply", at), "payload", at + "quick_reply."),
                          DETAILS_LENGTH,
                          at + "quick_reply.payload")))
              : Optional.empty();
      return Optional.of(
          new MessagingEvent(
              echo ? recipient : sender,
              echo ? Direction.OUT : Direction.IN,
              limited(string(message, "mid", at), MESSAGE_ID_LENGTH, at + "mid"),
              limited(optionalString(message, "text", at), TEXT_LENGTH, at + "text"),
              sentAt,
              quickReply));
    }
    if (event.containsKey("postback")) {
      JsonObject postback = object(event, "postback", where);
      String at = where + "postback.";
      String payload = limited(string(postback, "payload", at), DETAILS_LENGTH, at + "payload");
      // Older API versions send no mid for a postback; sender and time identify it as well.
      String mid = optionalString(postback, "mid", at);
      String id =
          mid != null ? mid : "postback:" + sender + ":" + sentAt.toInstant().toEpochMilli();
      return Optional.of(
          new MessagingEvent(
              sender,
              Direction.IN,
              limited(id, MESSAGE_ID_LENGTH, at + "mid"),
              limited(optionalString(postback, "title", at), TEXT_LENGTH, at + "title"),
              sentAt,
              Optional.of(new MessagingEvent.Activity("postback", payload))));
    }
    return Optional.empty();
  }

  private static OffsetDateTime timestamp(JsonObject event, String where) {
    JsonValue value = event.get("timestamp");
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw new UnusablePayload(where + "timestamp: missing, or not milliseconds since 1970");
    }
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(number.longValue()), ZoneOffset.UTC);
  }

  private static JsonObject object(JsonObject parent, String name, String where) {
    return object(parent.get(name), where + name);
  }

  private static JsonObject object(JsonValue value, String where) {
    if (!(value instanceof JsonObject object)) {
      throw new UnusablePayload(where + ": missing, or not an object");
    }
    return object;
  }

  private static JsonArray array(JsonObject parent, String name, String where) {
    if (!(parent.get(name) instanceof JsonArray array)) {
      throw new UnusablePayload(where + name + ": missing, or not an array");
    }
    return array;
  }

  private static String string(JsonObject parent, String name, String where) {
    String value = optionalString(parent, name, where);
    if (value == null || value.isBlank()) {
      throw new UnusablePayload(where + name + ": missing or empty");
    }
    return value;
  }

  private static String optionalString(JsonObject parent, String name, String where) {
    JsonValue value = parent.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString string)) {
      throw new UnusablePayload(where + name + ": not a string");
    }
    return string.getString();
  }

  private static String limited(String value, int length, String where) {
    if (value != null && value.length() > length) {
      throw new UnusablePayload(where + ": longer than " + length + " characters");
    }
    return value;
  }
}
