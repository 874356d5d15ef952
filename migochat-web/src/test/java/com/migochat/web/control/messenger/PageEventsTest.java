package com.migochat.web.control.messenger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.model.Direction;
import com.migochat.web.control.leads.MessagingEvent;
import com.migochat.web.control.leads.RejectedEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reading webhook bodies as Facebook sends them: every kind of event, where an unusable one was and
 * why, and what fits the columns. Parsing is pure, so no server is needed.
 */
class PageEventsTest {

  private static final String PAGE = "{\"id\":\"1000000000001\"}";
  private static final String EMOJI = "\uD83D\uDE00";

  @Test
  void eventsOfKindsNotKeptAreCountedAndSkippedWithoutBeingRead() {
    PageEvents events =
        PageEvents.parse(
            body(
                entry(
                    message("psid-ana", "m_1", "Hi"),
                    "{\"sender\":{\"id\":\"psid-ana\"},\"recipient\":"
                        + PAGE
                        + ","
                        + "\"delivery\":{\"mids\":[\"m_0\"],\"watermark\":1764000000000}}",
                    "{\"sender\":{\"id\":\"psid-ana\"},\"recipient\":"
                        + PAGE
                        + ","
                        + "\"timestamp\":1764000000000,\"read\":{\"watermark\":1764000000000}}",
                    // The checkbox plugin's opt-in names no sender, only a user_ref.
                    "{\"recipient\":"
                        + PAGE
                        + ",\"timestamp\":1764000000000,"
                        + "\"optin\":{\"ref\":\"signup\",\"user_ref\":\"ref-7\"}}",
                    "{\"sender\":{\"id\":\"psid-ana\"},\"recipient\":"
                        + PAGE
                        + ","
                        + "\"timestamp\":1764000000000,\"reaction\":{\"reaction\":\"love\","
                        + "\"emoji\":\"\\u2764\",\"action\":\"react\",\"mid\":\"m_1\"}}",
                    "{\"sender\":{\"id\":\"psid-ben\"},\"recipient\":"
                        + PAGE
                        + ","
                        + "\"timestamp\":1764000000000,\"referral\":{\"ref\":\"ad-42\","
                        + "\"source\":\"ADS\",\"type\":\"OPEN_THREAD\"}}"),
                // During a handover another app owns the thread: its events come as standby.
                "{\"id\":\"1000000000001\",\"time\":1764000000000,\"standby\":["
                    + message("psid-cara", "m_2", "Hello?")
                    + "]}"));

    assertEquals(List.of("m_1"), events.events().stream().map(MessagingEvent::messageId).toList());
    assertEquals(List.of(), events.rejected());
    assertEquals(
        Map.of("delivery", 1, "optin", 1, "reaction", 1, "read", 1, "referral", 1, "standby", 1),
        events.ignored());
    assertEquals(6, events.ignoredCount());
  }

  @Test
  void anUnusableMessageIsSetAsideWithItsPositionAndReasonAndTheOthersAreKept() {
    String noSender =
        "{\"recipient\":" + PAGE + ",\"timestamp\":1764000000000,\"message\":{\"mid\":\"m_x\"}}";

    PageEvents events =
        PageEvents.parse(
            body(
                entry(message("psid-ana", "m_1", "first")),
                entry(message("psid-ben", "m_2", "second"), noSender, postback("psid-cara"))));

    assertEquals(
        List.of("m_1", "m_2", "m_postback"),
        events.events().stream().map(MessagingEvent::messageId).toList());
    assertEquals(
        List.of(
            new RejectedEvent(
                "entry[1].messaging[1]",
                "entry[1].messaging[1].sender: missing, or not an object",
                noSender)),
        events.rejected());
  }

  @Test
  void everyProblemOfAStoredKindNamesTheFieldAndWhatIsWrong() {
    List<String> reasons =
        PageEvents.parse(
                body(
                    entry(
                        "{\"sender\":{\"id\":\"p\"},\"message\":{\"mid\":\"m_1\"}}",
                        "{\"sender\":{\"id\":\"p\"},\"timestamp\":1.5,\"message\":{\"mid\":\"m_2\"}}",
                        "{\"sender\":{\"id\":\"p\"},\"timestamp\":-1,\"message\":{\"mid\":\"m_3\"}}",
                        "{\"sender\":{\"id\":\"p\"},\"timestamp\":1,\"message\":{\"text\":\"no id\"}}",
                        "{\"sender\":{\"id\":7},\"timestamp\":1,\"message\":{\"mid\":\"m_5\"}}",
                        "{\"sender\":{\"id\":\"p\"},\"timestamp\":1,\"message\":\"hi\"}",
                        "{\"sender\":{\"id\":\"p\"},\"timestamp\":1,"
                            + "\"message\":{\"mid\":\"m_7\",\"text\":\"a\\u0000b\"}}",
                        "{\"sender\":{\"id\":\"p\"},\"timestamp\":1,\"postback\":{\"title\":\"Go\"}}",
                        "[\"not\",\"an\",\"event\"]"),
                    "{\"id\":\"2\",\"messaging\":{\"not\":\"an array\"}}",
                    "\"not an entry\""))
            .rejected()
            .stream()
            .map(RejectedEvent::reason)
            .toList();

    String at = "entry[0].messaging[";
    String year9999 = "timestamp: missing, or not milliseconds since 1970 (up to the year 9999)";
    assertEquals(
        List.of(
            at + "0]." + year9999,
            at + "1]." + year9999,
            at + "2]." + year9999,
            at + "3].message.mid: missing or empty",
            at + "4].sender.id: not a string",
            at + "5].message: missing, or not an object",
            at + "6].message.text: contains a NUL character, which no column holds",
            at + "7].postback.payload: missing or empty",
            at + "8]: not an object",
            "entry[1].messaging: not an array",
            "entry[2]: not an object"),
        reasons);
  }

  @Test
  void aTextIsKeptWhateverItsLengthAndAThousandAndOneEmojiAreOneMessage() {
    String emoji = EMOJI.repeat(1001);
    String longText = "x".repeat(20_000);

    PageEvents events =
        PageEvents.parse(
            body(entry(message("psid-ana", "m_1", emoji), message("psid-ana", "m_2", longText))));

    assertEquals(List.of(), events.rejected());
    assertEquals(
        List.of(emoji, longText), events.events().stream().map(MessagingEvent::text).toList());
    assertEquals(1001, events.events().get(0).text().codePointCount(0, 2002));
  }

  @Test
  void aPayloadFitsWhenItsColumnHoldsItOnEveryDatabase() {
    String fits = EMOJI.repeat(2000);
    String tooLong = EMOJI.repeat(2001);

    PageEvents events =
        PageEvents.parse(
            body(entry(quickReply("m_1", fits), quickReply("m_2", tooLong), psid("x".repeat(65)))));

    assertEquals(
        List.of(new MessagingEvent.Activity("quick_reply", fits)),
        events.events().stream().map(event -> event.activity().orElseThrow()).toList());
    assertEquals(
        List.of(
            "entry[0].messaging[1].message.quick_reply.payload: 2001 characters (4002 UTF-16"
                + " units), more than the 4000 its column holds",
            "entry[0].messaging[2].sender.id: 65 characters (65 UTF-16 units), more than the 64"
                + " its column holds"),
        events.rejected().stream().map(RejectedEvent::reason).toList());
  }

  @Test
  void anEchoBelongsToItsRecipientAndAPostbackWithoutIdIsIdentifiedBySenderAndTime() {
    String echo =
        "{\"sender\":"
            + PAGE
            + ",\"recipient\":{\"id\":\"psid-ana\"},\"timestamp\":1764000000000,"
            + "\"message\":{\"is_echo\":true,\"mid\":\"m_echo\",\"text\":\"Thanks!\"}}";
    String oldPostback =
        "{\"sender\":{\"id\":\"psid-ben\"},\"recipient\":"
            + PAGE
            + ",\"timestamp\":1764000000000,"
            + "\"postback\":{\"title\":\"Start\",\"payload\":\"GET_STARTED\"}}";

    List<MessagingEvent> events = PageEvents.parse(body(entry(echo, oldPostback))).events();

    assertEquals("psid-ana", events.get(0).psid());
    assertEquals(Direction.OUT, events.get(0).direction());
    assertEquals(Optional.empty(), events.get(0).activity());
    assertEquals("postback:psid-ben:1764000000000", events.get(1).messageId());
    assertEquals("Start", events.get(1).text());
    assertEquals(
        Optional.of(new MessagingEvent.Activity("postback", "GET_STARTED")),
        events.get(1).activity());
  }

  @Test
  void onlyABodyThatIsNotAJsonObjectIsRefusedAsAWhole() {
    UnusablePayload malformed =
        assertThrows(UnusablePayload.class, () -> PageEvents.parse(bytes("{\"object\":\"pa")));
    UnusablePayload empty = assertThrows(UnusablePayload.class, () -> PageEvents.parse(bytes("")));
    UnusablePayload array =
        assertThrows(UnusablePayload.class, () -> PageEvents.parse(bytes("[]")));
    PageEvents instagram = PageEvents.parse(bytes("{\"object\":\"instagram\",\"entry\":[]}"));
    PageEvents noEntries = PageEvents.parse(bytes("{\"object\":\"page\"}"));

    assertTrue(malformed.getMessage().startsWith("malformed JSON: "), malformed.getMessage());
    assertTrue(empty.getMessage().startsWith("malformed JSON: "), empty.getMessage());
    assertEquals("not a JSON object: ARRAY", array.getMessage());
    assertEquals(Map.of("object \"instagram\"", 1), instagram.ignored());
    assertEquals(List.of(), instagram.rejected());
    assertEquals(
        List.of(
            new RejectedEvent("entry", "entry: missing, or not an array", "{\"object\":\"page\"}")),
        noEntries.rejected());
  }

  @Test
  void aDeadLetterIsReadAgainAtItsPositionWhenReplayed() {
    String usable = message("psid-ana", "m_1", "Hi");
    String noSender = "{\"timestamp\":1,\"message\":{\"mid\":\"m_2\"}}";
    String delivery = "{\"sender\":{\"id\":\"p\"},\"delivery\":{\"mids\":[]}}";

    MessagingEvent replayed = PageEvents.replay(usable, "entry[0].messaging[3]");
    UnusablePayload stillUnusable =
        assertThrows(
            UnusablePayload.class, () -> PageEvents.replay(noSender, "entry[0].messaging[3]"));
    UnusablePayload notKept =
        assertThrows(UnusablePayload.class, () -> PageEvents.replay(delivery, "entry[2]"));

    assertEquals("m_1", replayed.messageId());
    assertEquals(
        "entry[0].messaging[3].sender: missing, or not an object", stillUnusable.getMessage());
    assertEquals("entry[2]: a delivery event, which Migochat does not keep", notKept.getMessage());
  }

  private static String message(String psid, String mid, String text) {
    return "{\"sender\":{\"id\":\"%s\"},\"recipient\":%s,\"timestamp\":1764000000000,\"message\":{\"mid\":\"%s\",\"text\":\"%s\"}}"
        .formatted(psid, PAGE, mid, text);
  }

  private static String quickReply(String mid, String payload) {
    return "{\"sender\":{\"id\":\"psid-ana\"},\"recipient\":%s,\"timestamp\":1764000000000,\"message\":{\"mid\":\"%s\",\"text\":\"Yes\",\"quick_reply\":{\"payload\":\"%s\"}}}"
        .formatted(PAGE, mid, payload);
  }

  private static String postback(String psid) {
    return "{\"sender\":{\"id\":\"%s\"},\"recipient\":%s,\"timestamp\":1764000000000,\"postback\":{\"mid\":\"m_postback\",\"title\":\"Go\",\"payload\":\"GO\"}}"
        .formatted(psid, PAGE);
  }

  private static String psid(String psid) {
    return message(psid, "m_psid", "hello");
  }

  private static String entry(String... events) {
    return "{\"id\":\"1000000000001\",\"time\":1764000000000,\"messaging\":["
        + String.join(",", events)
        + "]}";
  }

  private static byte[] body(String... entries) {
    return bytes("{\"object\":\"page\",\"entry\":[" + String.join(",", entries) + "]}");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
