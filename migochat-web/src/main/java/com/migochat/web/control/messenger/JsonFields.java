package com.migochat.web.control.messenger;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the fields of an event that Migochat stores, each checked so that the database takes it: a
 * problem is an {@link UnusablePayload} naming the field's path and what is wrong.
 */
final class JsonFields {

  /** 9999-12-31T23:59:59.999Z: later instants do not fit every database's timestamp. */
  private static final BigDecimal LATEST_MILLIS = BigDecimal.valueOf(253402300799999L);

  private JsonFields() {}

  static JsonObject object(JsonObject parent, String name, String where) {
    if (!(parent.get(name) instanceof JsonObject object)) {
      throw new UnusablePayload(where + name + ": missing, or not an object");
    }
    return object;
  }

  /** A string that must be there and not blank. */
  static String required(JsonObject parent, String name, String where) {
    String value = optional(parent, name, where);
    if (value == null || value.isBlank()) {
      throw new UnusablePayload(where + name + ": missing or empty");
    }
    return value;
  }

  /** A string, or null when the field is missing or null. */
  static String optional(JsonObject parent, String name, String where) {
    JsonValue value = parent.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString string)) {
      throw new UnusablePayload(where + name + ": not a string");
    }
    if (string.getString().indexOf('\0') >= 0) {
      throw new UnusablePayload(where + name + ": contains a NUL character, which no column holds");
    }
    return string.getString();
  }

  /**
   * {@code value}, unless it is longer than a column of {@code length} characters holds. The length
   * is counted in UTF-16 units: PostgreSQL counts characters (code points), H2 counts UTF-16 units,
   * and a value that fits in UTF-16 units fits both.
   */
  static String fitting(String value, int length, String where) {
    if (value != null && value.length() > length) {
      throw new UnusablePayload(
          where
              + ": "
              + value.codePointCount(0, value.length())
              + " characters ("
              + value.length()
              + " UTF-16 units), more than the "
              + length
              + " its column holds");
    }
    return value;
  }

  /** The event's {@code timestamp}: milliseconds since 1970, up to the end of year 9999. */
  static OffsetDateTime timestamp(JsonObject event, String where) {
    if (!(event.get("timestamp") instanceof JsonNumber number)
        || !number.isIntegral()
        || number.bigDecimalValue().signum() < 0
        || number.bigDecimalValue().compareTo(LATEST_MILLIS) > 0) {
      throw new UnusablePayload(
          where + "timestamp: missing, or not milliseconds since 1970 (up to the year 9999)");
    }
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(number.longValue()), ZoneOffset.UTC);
  }
}
