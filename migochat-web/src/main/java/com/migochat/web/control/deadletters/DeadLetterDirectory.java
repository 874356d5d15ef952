package com.migochat.web.control.deadletters;

import com.migochat.model.WebhookDeadLetter;
import com.migochat.web.control.PageWindow;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

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
    Optional<Integer> first = PageWindow.firstRow(page, size, total);
    if (first.isEmpty()) {
      return new DeadLetterPage(page, size, total, waiting, List.of());
    }
    List<DeadLetterPage.Letter> letters =
        entityManager
            .createQuery(
                "SELECT d FROM WebhookDeadLetter d ORDER BY d.id DESC", WebhookDeadLetter.class)
            .setFirstResult(first.get())
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
