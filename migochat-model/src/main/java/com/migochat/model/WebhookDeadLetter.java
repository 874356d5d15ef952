package com.migochat.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * A Messenger event the webhook could not store, kept raw with where it was in its body and why, so
 * that an operator can see it and replay it once the cause is fixed. The same event delivered again
 * is recognised by the SHA-256 of its JSON and kept once.
 */
@Entity
@Table(name = "webhook_dead_letters")
public class WebhookDeadLetter {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "received_at", nullable = false)
  private OffsetDateTime receivedAt;

  /** Where the event was in its webhook body, e.g. {@code entry[0].messaging[3]}. */
  @Column(name = "body_position", nullable = false, length = 100)
  private String position;

  @Column(name = "reason", nullable = false, length = 1000)
  private String reason;

  /** The event as JSON, as it was in its body. */
  @Lob
  @Column(name = "event", nullable = false)
  private String event;

  @Column(name = "event_sha256", nullable = false, unique = true, length = 64)
  private String eventSha256;

  @Column(name = "replayed_at")
  private OffsetDateTime replayedAt;

  protected WebhookDeadLetter() {}

  public WebhookDeadLetter(String position, String reason, String event) {
    this.receivedAt = OffsetDateTime.now();
    this.position = position;
    this.reason = reason;
    this.event = event;
    this.eventSha256 = sha256Of(event);
  }

  /** The hex SHA-256 of an event's JSON, which identifies a dead letter. */
  public static String sha256Of(String event) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(event.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-256, which every Java must have", e);
    }
  }

  /** Records that the event was stored now, after all. */
  public void markReplayed() {
    replayedAt = OffsetDateTime.now();
  }

  public Long getId() {
    return id;
  }

  public OffsetDateTime getReceivedAt() {
    return receivedAt;
  }

  public String getPosition() {
    return position;
  }

  public String getReason() {
    return reason;
  }

  public String getEvent() {
    return event;
  }

  public String getEventSha256() {
    return eventSha256;
  }

  public OffsetDateTime getReplayedAt() {
    return replayedAt;
  }
}
