package com.migochat.web.boundary.webhook;

import com.migochat.migrations.config.MigochatSettings;
import com.migochat.web.control.leads.LeadInbox;
import com.migochat.web.control.leads.RejectedEvent;
import com.migochat.web.control.leads.StoredEvents;
import com.migochat.web.control.messenger.PageEvents;
import com.migochat.web.control.messenger.UnusablePayload;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Messenger Platform webhook. {@code GET} answers the subscription handshake; {@code POST}
 * takes page events, only with a valid {@code X-Hub-Signature-256}. A body is refused as a whole
 * only when it is unsigned, not JSON or too large (a 4xx with a one-line reason). Otherwise every
 * usable message and postback is stored, and every unusable one is kept as a dead letter and logged
 * with its position and reason, in one transaction: a database failure stores none of them and
 * answers 503, so that Facebook delivers the body again.
 */
@WebServlet("/webhook")
public class MessengerWebhook extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(MessengerWebhook.class.getName());
  private static final long DRAINED_AT_MOST = 16L * 1024 * 1024;

  @Inject transient MigochatSettings settings;

  @EJB transient LeadInbox inbox;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<String> expected = settings.webhook().verifyToken();
    if (expected.isEmpty()) {
      LOG.warning(
          "Refused a Messenger webhook subscription: no verify token is configured. Set"
              + " MIGOCHAT_MESSENGER_VERIFY_TOKEN to the token typed into the app's dashboard.");
      answer(response, 403, "webhook verify token not configured");
      return;
    }
    String token = request.getParameter("hub.verify_token");
    String challenge = request.getParameter("hub.challenge");
    if (!"subscribe".equals(request.getParameter("hub.mode"))
        || token == null
        || !MessageDigest.isEqual(
            expected.get().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))
        || challenge == null) {
      answer(response, 403, "verification refused: wrong mode or verify token");
      return;
    }
    answer(response, 200, challenge);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // Read first, whatever the answer: a client still sending the body would not see it.
    int limit = settings.webhook().maxBodyBytes();
    byte[] body = readAtMost(request, limit);
    Optional<String> secret = settings.webhook().appSecret();
    if (secret.isEmpty()) {
      LOG.warning(
          "Refused Messenger events: no app secret is configured to check their signature. Set"
              + " MIGOCHAT_MESSENGER_APP_SECRET to the app secret from the app's dashboard.");
      answer(response, 403, "webhook app secret not configured");
      return;
    }
    if (body == null) {
      answer(response, 413, "body larger than " + limit + " bytes");
      return;
    }
    if (!EventSignature.matches(body, request.getHeader(EventSignature.HEADER), secret.get())) {
      LOG.warning(
          "Refused Messenger events from "
              + request.getRemoteAddr()
              + ": missing or wrong "
              + EventSignature.HEADER
              + ". If they are Facebook's, MIGOCHAT_MESSENGER_APP_SECRET is not this app's"
              + " secret.");
      answer(response, 403, "missing or invalid " + EventSignature.HEADER);
      return;
    }
    PageEvents events;
    try {
      events = PageEvents.parse(body);
    } catch (UnusablePayload e) {
      answer(response, 400, e.getMessage());
      return;
    }
    long started = System.nanoTime();
    Optional<StoredEvents> stored = store(events);
    if (stored.isEmpty()) {
      answer(response, 503, "events not stored now; Facebook redelivers them");
      return;
    }
    logDeadLetters(events.rejected(), stored.get().deadLetters());
    LOG.fine(
        () ->
            "Messenger events stored in "
                + (System.nanoTime() - started) / 1_000_000
                + " ms: "
                + stored.get()
                + "; skipped by kind: "
                + events.ignored());
    answer(response, 200, "EVENT_RECEIVED");
  }

  /** One line per event kept as a dead letter: where it was, why, and how to get at it. */
  private static void logDeadLetters(List<RejectedEvent> rejected, List<Long> ids) {
    for (int n = 0; n < rejected.size(); n++) {
      LOG.warning(
          "Kept Messenger event "
              + rejected.get(n).position()
              + " as dead letter "
              + ids.get(n)
              + ": "
              + rejected.get(n).reason()
              + ". The other events of its body were stored. See it at"
              + " /migochat/api/webhook/dead-letters and, once the cause is fixed, POST"
              + " /migochat/api/webhook/dead-letters/"
              + ids.get(n)
              + "/replay to store it.");
    }
  }

  /**
   * Stores the events, once more if the first attempt lost a race with a concurrent delivery of the
   * same user or message (the second attempt finds what the other stored).
   */
  private Optional<StoredEvents> store(PageEvents events) {
    for (int attempt = 1; ; attempt++) {
      try {
        return Optional.of(inbox.store(events.events(), events.rejected()));
      } catch (EJBException e) {
        if (attempt == 2) {
          LOG.log(
              Level.WARNING,
              "Could not store "
                  + (events.events().size() + events.rejected().size())
                  + " Messenger events (answered 503, Facebook redelivers): "
                  + e.getMessage(),
              e);
          return Optional.empty();
        }
      }
    }
  }

  /**
   * The body, or null when it is longer than {@code limit}. The rest of a longer body is read and
   * dropped (up to {@link #DRAINED_AT_MOST} bytes): over HTTP/2 a client still sending a body waits
   * for flow control, and never sees an answer given before the body was read.
   */
  private static byte[] readAtMost(HttpServletRequest request, int limit) throws IOException {
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length <= limit) {
        return body;
      }
      long dropped = 0;
      byte[] buffer = new byte[8192];
      for (int read; dropped < DRAINED_AT_MOST && (read = in.read(buffer)) != -1; ) {
        dropped += read;
      }
      return null;
    }
  }

  private static void answer(HttpServletResponse response, int status, String text)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().print(text);
  }
}
