package com.migochat.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/** A person who wrote to the Migochat page on Messenger, identified by their page-scoped id. */
@Entity
@Table(name = "users")
public class User {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "psid", nullable = false, unique = true, length = 64)
  private String psid;

  @Column(name = "first_name", length = 100)
  private String firstName;

  @Column(name = "last_name", length = 100)
  private String lastName;

  /**
   * The display name, derived from the first and last name. Both originals are kept so that the
   * change that introduced this column can be rolled back without losing a name.
   */
  @Column(name = "full_name", length = 201)
  private String fullName;

  @Column(name = "email", length = 320)
  private String email;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @ManyToMany
  @JoinTable(
      name = "user_lead_tags",
      joinColumns = @JoinColumn(name = "user_id"),
      inverseJoinColumns = @JoinColumn(name = "tag_id"),
      foreignKey =
          @ForeignKey(
              name = "fk_user_lead_tags_user",
              foreignKeyDefinition =
                  "FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE"),
      inverseForeignKey =
          @ForeignKey(
              name = "fk_user_lead_tags_tag",
              foreignKeyDefinition =
                  "FOREIGN KEY (tag_id) REFERENCES lead_tags (id) ON DELETE CASCADE"))
  private Set<LeadTag> tags = new HashSet<>();

  protected User() {}

  public User(String psid) {
    this.psid = psid;
  }

  @PrePersist
  void beforeInsert() {
    createdAt = OffsetDateTime.now();
    beforeUpdate();
  }

  @PreUpdate
  void beforeUpdate() {
    updatedAt = OffsetDateTime.now();
    fullName = FullName.of(firstName, lastName);
  }

  public Long getId() {
    return id;
  }

  public String getPsid() {
    return psid;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getFullName() {
    return fullName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public Set<LeadTag> getTags() {
    return tags;
  }
}
