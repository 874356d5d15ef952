package com.migochat.web.control.deadletters;

import com.migochat.model.WebhookDeadLetter;
import com.migochat.web.control.leads.LeadInbox;
import com.migochat.web.control.leads.MessagingEvent;
import com.migochat.web.control.leads.StoredEvents;
import com.migochat.web.control.messenger.PageEvents;
import com.migochat.web.control.messenger.UnusablePayload;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Stores a dead letter's event as if Facebook had just delivered it, and marks the dead letter
 * replayed, in one transaction. The dead letter's row is locked meanwhile, so two admins replaying
 * it at once store it once.
 */
@Stateless
public class DeadLetterReplay {

  @PersistenceContext(unitName = "migochat")
  EntityManager entityManager;

  @EJB LeadInbox inbox;

  public ReplayResult replay(long id) {
    WebhookDeadLetter letter =
        entityManager.find(WebhookDeadLetter.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (letter == null) {
      throw new ReplayRefused(
          404, "no dead letter " + id + ": GET /migochat/api/webhook/dead-letters lists them");
    }
    if (letter.getReplayedAt() != null) {
      throw new ReplayRefused(
          409, "dead letter " + id + " was replayed at " + letter.getReplayedAt() + " already");
    }
    MessagingEvent event;
    try {
      event = PageEvents.replay(letter.getEvent(), letter.getPosition());
    } catch (UnusablePayload e) {
      throw new ReplayRefused(
          422,
          "dead letter "
              + id
              + " still cannot be stored: "
              + e.getMessage()
              + ". Fix the cause (usually a Migochat version that reads this event), then replay"
              + " it again");
    }
    StoredEvents stored = inbox.store(List.of(event), List.of());
    letter.markReplayed();
    return new ReplayResult(id, letter.getReplayedAt(), stored);
  }
}
