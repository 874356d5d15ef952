package com.migochat.web.control.messenger;

import com.migochat.web.control.leads.MessagingEvent;
import com.migochat.web.control.leads.RejectedEvent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The events of one webhook body, sorted by what becomes of them. Each event's kind is decided
 * first: kinds Migochat does not keep (deliveries, reads, opt-ins, reactions, referrals, standby
 * events during a handover, ...) are counted and skipped unread; messages and postbacks are read,
 * and one that cannot be stored is set aside with its position and reason, without touching the
 * other events of the body.
 *
 * @param events what to store, in the order Facebook sent them
 * @param rejected events of a stored kind that cannot be stored as they are, to keep as dead
 *     letters
 * @param ignored how many events of each kind Migochat does not keep, by kind
 */
public record PageEvents(
    List<MessagingEvent> events, List<RejectedEvent> rejected, SortedMap<String, Integer> ignored) {

  /**
   * Reads a webhook body. Only a body that is not a JSON object is refused as a whole, with an
   * {@link UnusablePayload} saying why.
   */
  public static PageEvents parse(byte[] body) {
    JsonValue value;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      value = reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      throw new UnusablePayload("malformed JSON: " + e.getMessage());
    }
    if (!(value instanceof JsonObject root)) {
      throw new UnusablePayload("not a JSON object: " + value.getValueType());
    }
    Sorting sorting = new Sorting();
    if (!(root.get("object") instanceof JsonString object) || !"page".equals(object.getString())) {
      // Another subscription of the same app (Instagram, a user's feed) sent to this URL.
      sorting.ignore("object " + root.get("object"), 1);
    } else if (root.get("entry") instanceof JsonArray entries) {
      for (int e = 0; e < entries.size(); e++) {
        sorting.entry(entries.get(e), "entry[" + e + "]");
      }
    } else {
      sorting.reject("entry", "entry: missing, or not an array", root);
    }
    return new PageEvents(
        List.copyOf(sorting.events),
        List.copyOf(sorting.rejected),
        Collections.unmodifiableSortedMap(sorting.ignored));
  }

  /**
   * Reads one event kept as a dead letter at {@code position}, to store it after all; throws {@link
   * UnusablePayload} when it still cannot be stored.
   */
  public static MessagingEvent replay(String json, String position) {
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      value = reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      throw new UnusablePayload(position + ": malformed JSON: " + e.getMessage());
    }
    if (!(value instanceof JsonObject event)) {
      throw new UnusablePayload(position + ": not an event (a JSON object)");
    }
    String kind = EventReader.kindOf(event);
    if (!EventReader.isStored(kind)) {
      throw new UnusablePayload(position + ": a " + kind + " event, which Migochat does not keep");
    }
    return EventReader.read(event, position + ".");
  }

  /** How many events were skipped, of every kind together. */
  public int ignoredCount() {
    return ignored.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The three outcomes, filled in while the body is walked. */
  private static final class Sorting {
    final List<MessagingEvent> events = new ArrayList<>();
    final List<RejectedEvent> rejected = new ArrayList<>();
    final SortedMap<String, Integer> ignored = new TreeMap<>();

    void entry(JsonValue value, String where) {
      if (!(value instanceof JsonObject entry)) {
        reject(where, where + ": not an object", value);
        return;
      }
      for (Map.Entry<String, JsonValue> field : entry.entrySet()) {
        String at = where + "." + field.getKey();
        if (!"messaging".equals(field.getKey())) {
          // standby (another app owns the thread), changes (feed): arrays of events not kept.
          if (field.getValue() instanceof JsonArray others) {
            ignore(field.getKey(), others.size());
          }
        } else if (field.getValue() instanceof JsonArray messaging) {
          for (int m = 0; m < messaging.size(); m++) {
            event(messaging.get(m), at + "[" + m + "]");
          }
        } else {
          reject(at, at + ": not an array", field.getValue());
        }
      }
    }

    void event(JsonValue value, String where) {
      if (!(value instanceof JsonObject event)) {
        reject(where, where + ": not an object", value);
        return;
      }
      String kind = EventReader.kindOf(event);
      if (!EventReader.isStored(kind)) {
        ignore(kind, 1);
        return;
      }
      try {
        events.add(EventReader.read(event, where + "."));
      } catch (UnusablePayload e) {
        reject(where, e.getMessage(), event);
      }
    }

    void reject(String position, String reason, JsonValue json) {
      rejected.add(new RejectedEvent(position, reason, json.toString()));
    }

    void ignore(String kind, int count) {
      ignored.merge(kind, count, Integer::sum);
    }
  }
}
