package com.migochat.web.control.deadletters;

import com.migochat.model.WebhookDeadLetter;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads dead letters a page at a time, newest first: two counts and one page, never the table. */
@Stateless
public class DeadLetterDirectory {

  @PersistenceContext(unitName = "migochat")
  EntityManager entityManager;

  public DeadLetterPage page(int page, int size) {
    long total =
        entityManager
            .createQuery("SELECT COUNT(d) FROM WebhookDeadLetter d", Long.class)
            .getSingleResult();
    long waiting =
        entityManager
            .createQuery(
                "SELECT COUNT(d) FROM WebhookDeadLetter d WHERE d.replayedAt IS NULL", Long.class)
            .getSingleResult();
    List<DeadLetterPage.Letter> letters =
        entityManager
            .createQuery(
                "SELECT d FROM WebhookDeadLetter d ORDER BY d.id DESC", WebhookDeadLetter.class)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultStream()
            .map(
                letter ->
                    new DeadLetterPage.Letter(
                        letter.getId(),
                        letter.getReceivedAt(),
                        letter.getPosition(),
                        letter.getReason(),
                        letter.getEvent(),
                        letter.getReplayedAt()))
            .toList();
    return new DeadLetterPage(page, size, total, waiting, letters);
  }
}
