package com.migochat.web.control.leads;

import com.migochat.model.LeadActivity;
import com.migochat.model.Message;
import com.migochat.model.User;
import com.migochat.model.WebhookDeadLetter;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Stores the events of one webhook body in one transaction: all of them or, if anything fails,
 * none. A message id stored before, or earlier in the same body, is skipped with its activity, so a
 * redelivered body changes nothing. The events that could not be read are kept as dead letters in
 * the same transaction, each once however often it is delivered.
 *
 * <p>The cost does not grow with queries per event: one query reads the body's known users, one its
 * message ids already stored, one its dead letters already kept (per {@value #CHUNK} values), and
 * the inserts are flushed at the end, earlier only where their order would be lost (see {@link
 * InsertOrder}).
 */
@Stateless
public class LeadInbox {

  /** Values per {@code IN} list: Facebook's largest batch, and far below any driver's limit. */
  static final int CHUNK = 1000;

  @PersistenceContext(unitName = "migochat")
  EntityManager entityManager;

  public StoredEvents store(List<MessagingEvent> events, List<RejectedEvent> rejected) {
    // Nothing is read after the first persist; COMMIT makes sure no query would flush anyway.
    entityManager.setFlushMode(FlushModeType.COMMIT);
    Map<String, User> users = knownUsers(events);
    Set<String> storedIds = storedMessageIds(events);
    Map<String, WebhookDeadLetter> kept = keptDeadLetters(rejected);
    InsertOrder order = new InsertOrder();
    int messages = 0;
    int redelivered = 0;
    int activities = 0;
    int newUsers = 0;
    for (MessagingEvent event : events) {
      if (!storedIds.add(event.messageId())) {
        redelivered++;
        continue;
      }
      User user = users.get(event.psid());
      if (user == null) {
        order.beforeNewUser();
        user = new User(event.psid());
        entityManager.persist(user);
        users.put(event.psid(), user);
        newUsers++;
      }
      entityManager.persist(
          new Message(user, event.messageId(), event.direction(), event.text(), event.sentAt()));
      messages++;
      if (event.activity().isPresent()) {
        MessagingEvent.Activity activity = event.activity().get();
        order.beforeActivityOf(user);
        entityManager.persist(new LeadActivity(user, activity.type(), activity.details()));
        activities++;
      }
    }
    List<WebhookDeadLetter> deadLetters = new ArrayList<>();
    for (RejectedEvent event : rejected) {
      WebhookDeadLetter letter = kept.get(WebhookDeadLetter.sha256Of(event.json()));
      if (letter == null) {
        letter = new WebhookDeadLetter(event.position(), event.reason(), event.json());
        entityManager.persist(letter);
        kept.put(letter.getEventSha256(), letter);
      }
      deadLetters.add(letter);
    }
    // The last flush also gives the dead letters the ids the log names.
    entityManager.flush();
    return new StoredEvents(
        messages,
        redelivered,
        activities,
        newUsers,
        deadLetters.stream().map(WebhookDeadLetter::getId).toList());
  }

  /**
   * Flushes where one flush would lose the body's order. EclipseLink inserts the new rows of an
   * entity in any order within a flush, and the leads list takes the newest user and a user's
   * latest activity by id. So a flush holds at most one new user and one activity per user; most
   * events are plain messages of known users and need none.
   */
  private final class InsertOrder {
    private boolean newUser;
    private final Set<User> withActivity = new HashSet<>();

    void beforeNewUser() {
      if (newUser) {
        flush();
      }
      newUser = true;
    }

    void beforeActivityOf(User user) {
      if (withActivity.contains(user)) {
        flush();
      }
      withActivity.add(user);
    }

    private void flush() {
      entityManager.flush();
      newUser = false;
      withActivity.clear();
    }
  }

  private Map<String, User> knownUsers(List<MessagingEvent> events) {
    Map<String, User> users = new HashMap<>();
    for (List<String> psids : chunks(events, MessagingEvent::psid)) {
      entityManager
          .createQuery("SELECT u FROM User u WHERE u.psid IN :psids", User.class)
          .setParameter("psids", psids)
          .getResultStream()
          .forEach(user -> users.put(user.getPsid(), user));
    }
    return users;
  }

  private Set<String> storedMessageIds(List<MessagingEvent> events) {
    Set<String> stored = new HashSet<>();
    for (List<String> ids : chunks(events, MessagingEvent::messageId)) {
      stored.addAll(
          entityManager
              .createQuery(
                  "SELECT m.messengerMessageId FROM Message m WHERE m.messengerMessageId IN :ids",
                  String.class)
              .setParameter("ids", ids)
              .getResultList());
    }
    return stored;
  }

  private Map<String, WebhookDeadLetter> keptDeadLetters(List<RejectedEvent> rejected) {
    Map<String, WebhookDeadLetter> kept = new HashMap<>();
    for (List<String> digests :
        chunks(rejected, event -> WebhookDeadLetter.sha256Of(event.json()))) {
      entityManager
          .createQuery(
              "SELECT d FROM WebhookDeadLetter d WHERE d.eventSha256 IN :digests",
              WebhookDeadLetter.class)
          .setParameter("digests", digests)
          .getResultStream()
          .forEach(letter -> kept.put(letter.getEventSha256(), letter));
    }
    return kept;
  }

  /** The distinct values of {@code items}, {@value #CHUNK} at a time; none for no items. */
  private static <T> List<List<String>> chunks(List<T> items, Function<T, String> value) {
    List<String> distinct =
        new ArrayList<>(new LinkedHashSet<>(items.stream().map(value).toList()));
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
    }
    return chunks;
  }
}
