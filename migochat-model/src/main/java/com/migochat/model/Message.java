package com.migochat.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One Messenger message, stored once per Messenger message id however often it is delivered. */
@Entity
@Table(
    name = "messages",
    indexes = @Index(name = "ix_messages_user_sent", columnList = "user_id, sent_at"))
public class Message {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(
      name = "user_id",
      nullable = false,
      foreignKey =
          @ForeignKey(
              name = "fk_messages_user",
              foreignKeyDefinition =
                  "FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE"))
  private User user;

  @Column(name = "messenger_message_id", nullable = false, unique = true, length = 128)
  private String messengerMessageId;

  @Enumerated(EnumType.STRING)
  @Column(name = "direction", nullable = false, length = 3)
  private Direction direction;

  /**
   * Unbounded: 2000 characters is Messenger's limit for what a page sends, not for what users
   * write, and a column counted in UTF-16 units (H2) held only half as many emoji.
   */
  @Lob
  @Column(name = "text")
  private String text;

  @Column(name = "sent_at", nullable = false)
  private OffsetDateTime sentAt;

  protected Message() {}

  public Message(
      User user,
      String messengerMessageId,
      Direction direction,
      String text,
      OffsetDateTime sentAt) {
    this.user = user;
    this.messengerMessageId = messengerMessageId;
    this.direction = direction;
    this.text = text;
    this.sentAt = sentAt;
  }

  public Long getId() {
    return id;
  }

  public User getUser() {
    return user;
  }

  public String getMessengerMessageId() {
    return messengerMessageId;
  }

  public Direction getDirection() {
    return direction;
  }

  public String getText() {
    return text;
  }

  public OffsetDateTime getSentAt() {
    return sentAt;
  }
}
