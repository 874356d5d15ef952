package com.migochat.it.support;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Webhook bodies as Facebook's Messenger Platform sends them, and their signatures. */
public final class MessengerEvents {

  public static final String PAGE_ID = "1000000000001";

  private MessengerEvents() {}

  /** A text message from {@code psid}, optionally a quick reply with {@code quickReply} payload. */
  public static String message(String psid, String mid, String text, String quickReply) {
    String reply =
        quickReply == null ? "" : ",\"quick_reply\":{\"payload\":\"" + quickReply + "\"}";
    return "{\"sender\":{\"id\":\"%s\"},\"recipient\":{\"id\":\"%s\"},\"timestamp\":%d,\"message\":{\"mid\":\"%s\",\"text\":\"%s\"%s}}"
        .formatted(
            psid, PAGE_ID, 1764000000000L + Math.abs(mid.hashCode() % 100000), mid, text, reply);
  }

  /** A tap on a button whose payload is {@code payload}. */
  public static String postback(String psid, String mid, String title, String payload) {
    return "{\"sender\":{\"id\":\"%s\"},\"recipient\":{\"id\":\"%s\"},\"timestamp\":1764000001000,\"postback\":{\"mid\":\"%s\",\"title\":\"%s\",\"payload\":\"%s\"}}"
        .formatted(psid, PAGE_ID, mid, title, payload);
  }

  /** A delivery receipt, which Migochat does not store. */
  public static String delivery(String psid) {
    return "{\"sender\":{\"id\":\"%s\"},\"recipient\":{\"id\":\"%s\"},\"timestamp\":1764000002000,\"delivery\":{\"mids\":[\"m_x\"],\"watermark\":1764000000000}}"
        .formatted(psid, PAGE_ID);
  }

  /** A read receipt, which Migochat does not store. */
  public static String read(String psid) {
    return "{\"sender\":{\"id\":\"%s\"},\"recipient\":{\"id\":\"%s\"},\"timestamp\":1764000002000,\"read\":{\"watermark\":1764000000000}}"
        .formatted(psid, PAGE_ID);
  }

  /** An opt-in from the checkbox plugin: it names no sender, only a {@code user_ref}. */
  public static String checkboxOptin(String userRef) {
    return "{\"recipient\":{\"id\":\"%s\"},\"timestamp\":1764000002000,\"optin\":{\"ref\":\"signup\",\"user_ref\":\"%s\"}}"
        .formatted(PAGE_ID, userRef);
  }

  /** A reaction to the message {@code mid}, which Migochat does not store. */
  public static String reaction(String psid, String mid) {
    return "{\"sender\":{\"id\":\"%s\"},\"recipient\":{\"id\":\"%s\"},\"timestamp\":1764000002000,\"reaction\":{\"reaction\":\"love\",\"emoji\":\"\\u2764\",\"action\":\"react\",\"mid\":\"%s\"}}"
        .formatted(psid, PAGE_ID, mid);
  }

  /** A user who came from an ad, which Migochat does not store. */
  public static String referral(String psid) {
    return "{\"sender\":{\"id\":\"%s\"},\"recipient\":{\"id\":\"%s\"},\"timestamp\":1764000002000,\"referral\":{\"ref\":\"ad-42\",\"source\":\"ADS\",\"type\":\"OPEN_THREAD\"}}"
        .formatted(psid, PAGE_ID);
  }

  /** A page-event body with one entry holding {@code events}. */
  public static byte[] body(List<String> events) {
    return bodyOf(entry("messaging", events));
  }

  /**
   * An entry of the page with {@code events} under {@code field}: {@code messaging}, or {@code
   * standby} while another app owns the conversation (handover).
   */
  public static String entry(String field, List<String> events) {
    return "{\"id\":\""
        + PAGE_ID
        + "\",\"time\":1764000003000,\""
        + field
        + "\":["
        + String.join(",", events)
        + "]}";
  }

  /** A page-event body with these entries. */
  public static byte[] bodyOf(String... entries) {
    return ("{\"object\":\"page\",\"entry\":[" + String.join(",", entries) + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code X-Hub-Signature-256} header for {@code body} under {@code secret}. */
  public static Map<String, String> signed(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Map.of(
          "X-Hub-Signature-256",
          "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)),
          "Content-Type",
          "application/json");
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
