package com.migochat.web.leads;

import com.migochat.model.LeadActivity;
import com.migochat.model.Message;
import com.migochat.model.User;
import com.migochat.web.messenger.MessagingEvent;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Stores the messaging events of one webhook body in one transaction: all of them or, if anything
 * fails, none. A message id stored before is skipped with its activity, so a redelivered body
 * changes nothing.
 */
@Stateless
public class LeadInbox {

  @PersistenceContext(unitName = "migochat")
  EntityManager entityManager;

  public StoredEvents store(List<MessagingEvent> events) {
    int messages = 0;
    int redelivered = 0;
    int activities = 0;
    int newUsers = 0;
    for (MessagingEvent event : events) {
      if (alreadyStored(event.messageId())) {
        redelivered++;
        continue;
      }
      User user = findUser(event.psid());
      if (user == null) {
        user = new User(event.psid());
        entityManager.persist(user);
        newUsers++;
      }
      entityManager.persist(
          new Message(user, event.messageId(), event.direction(), event.text(), event.sentAt()));
      messages++;
      if (event.activity().isPresent()) {
        MessagingEvent.Activity activity = event.activity().get();
        entityManager.persist(new LeadActivity(user, activity.type(), activity.details()));
        activities++;
      }
    }
    return new StoredEvents(messages, redelivered, activities, newUsers);
  }

  // Both queries flush what this body stored so far, so repeats within one body are found too.
  private boolean alreadyStored(String messageId) {
    return entityManager
            .createQuery(
                "SELECT COUNT(m) FROM Message m WHERE m.messengerMessageId = :id", Long.class)
            .setParameter("id", messageId)
            .getSingleResult()
        > 0;
  }

  private User findUser(String psid) {
    return entityManager
        .createQuery("SELECT u FROM User u WHERE u.psid = :psid", User.class)
        .setParameter("psid", psid)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
