package com.migochat.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Something a lead did that sales cares about: a postback, a quick reply, a form. */
@Entity
@Table(
    name = "lead_activities",
    indexes = @Index(name = "ix_lead_activities_user_created", columnList = "user_id, created_at"))
public class LeadActivity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(
      name = "user_id",
      nullable = false,
      foreignKey =
          @ForeignKey(
              name = "fk_lead_activities_user",
              foreignKeyDefinition =
                  "FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE"))
  private User user;

  @Column(name = "activity_type", nullable = false, length = 50)
  private String activityType;

  @Column(name = "details", length = 4000)
  private String details;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected LeadActivity() {}

  public LeadActivity(User user, String activityType, String details) {
    this.user = user;
    this.activityType = activityType;
    this.details = details;
  }

  @PrePersist
  void beforeInsert() {
    createdAt = OffsetDateTime.now();
  }

  public Long getId() {
    return id;
  }

  public User getUser() {
    return user;
  }

  public String getActivityType() {
    return activityType;
  }

  public String getDetails() {
    return details;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
