package com.migochat.it.micro;

import static com.migochat.it.support.MessengerEvents.body;
import static com.migochat.it.support.MessengerEvents.bodyOf;
import static com.migochat.it.support.MessengerEvents.checkboxOptin;
import static com.migochat.it.support.MessengerEvents.delivery;
import static com.migochat.it.support.MessengerEvents.entry;
import static com.migochat.it.support.MessengerEvents.message;
import static com.migochat.it.support.MessengerEvents.postback;
import static com.migochat.it.support.MessengerEvents.reaction;
import static com.migochat.it.support.MessengerEvents.read;
import static com.migochat.it.support.MessengerEvents.referral;
import static com.migochat.it.support.MessengerEvents.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.Artifacts;
import com.migochat.it.support.Http;
import com.migochat.it.support.MicroSettings;
import com.migochat.it.support.OversizeUpload;
import com.migochat.runner.MigrationRunner;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.roundtrip.DatabaseState;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.testkit.PayaraMicroProcess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The Messenger webhook of the real WAR on Payara Micro, against a throwaway PostgreSQL database:
 * the handshake, signed events stored once, refusals that store nothing, the leads API, the stored
 * data surviving every changeset down and up again, events of every kind in one body with the
 * unusable one kept as a dead letter and replayed, long texts, a full batch of 1,000 events, and
 * the bound on what an oversize body costs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MessengerWebhookIT {

  private static final String SECRET = "it-app-secret-0123456789";
  private static final String VERIFY_TOKEN = "it-verify-token";
  private static final int MAX_BODY = 512 * 1024;
  private static final String VIEWER = "vera";
  private static final String VIEWER_PASSWORD = "it-viewer-Secret-7";
  private static final String EMOJI = "\uD83D\uDE00";

  private static ThrowawayDatabase database;
  private static PayaraMicroProcess micro;
  private static Http http;

  @BeforeAll
  static void startMigochat() {
    database = ThrowawayDatabase.postgres();
    micro =
        PayaraMicroProcess.start(
            MicroSettings.on(database)
                .with("migochat.messenger.app-secret", SECRET)
                .with("migochat.messenger.verify-token", VERIFY_TOKEN)
                .with("migochat.messenger.max-body-bytes", Integer.toString(MAX_BODY))
                .with("migochat.users", VIEWER + "=viewer")
                .with("migochat.user." + VIEWER + ".password", VIEWER_PASSWORD)
                .deploying(Artifacts.microWar(), Path.of("target", "messenger-webhook")));
    http = new Http(micro.baseUrl());
  }

  @AfterAll
  static void stopMigochat() {
    if (micro != null) {
      micro.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  @Order(1)
  void theVerificationHandshakeEchoesTheChallengeOnlyForTheRightToken() {
    HttpResponse<String> accepted =
        http.get(
            "webhook?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=8812");
    HttpResponse<String> wrongToken =
        http.get("webhook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=8812");
    HttpResponse<String> wrongMode =
        http.get(
            "webhook?hub.mode=unsubscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1");

    assertEquals(200, accepted.statusCode());
    assertEquals("8812", accepted.body());
    assertEquals(403, wrongToken.statusCode());
    assertEquals(403, wrongMode.statusCode());
  }

  @Test
  @Order(2)
  void signedEventsAreStoredOnceEvenWhenFacebookRedeliversThem() throws SQLException {
    byte[] body =
        body(
            List.of(
                message("psid-ana", "m_ana_1", "Hi, what does it cost?", null),
                message("psid-ana", "m_ana_2", "Pricing please", "PRICING"),
                postback("psid-ben", "m_ben_1", "Get Started", "GET_STARTED"),
                delivery("psid-ana")));

    HttpResponse<String> first = http.post("webhook", body, signed(body, SECRET));
    HttpResponse<String> again = http.post("webhook", body, signed(body, SECRET));

    assertEquals(200, first.statusCode(), first.body());
    assertEquals("EVENT_RECEIVED", first.body());
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(List.of(2L, 3L, 2L), counts());
    assertEquals(
        List.of("psid-ana quick_reply PRICING", "psid-ben postback GET_STARTED"),
        rows(
            "SELECT u.psid || ' ' || a.activity_type || ' ' || a.details FROM lead_activities a"
                + " JOIN users u ON u.id = a.user_id ORDER BY u.psid"));
  }

  @Test
  @Order(3)
  void eventsWithoutAValidSignatureAreRefusedAndNothingIsStored() throws SQLException {
    List<Long> before = counts();
    byte[] body = body(List.of(message("psid-mallory", "m_mallory_1", "hello", null)));

    HttpResponse<String> unsigned = http.post("webhook", body, Map.of());
    HttpResponse<String> otherSecret = http.post("webhook", body, signed(body, "not-the-secret"));
    byte[] tampered = body(List.of(message("psid-mallory", "m_mallory_1", "HELLO", null)));
    HttpResponse<String> changedAfterSigning = http.post("webhook", tampered, signed(body, SECRET));

    for (HttpResponse<String> refused : List.of(unsigned, otherSecret, changedAfterSigning)) {
      assertEquals(403, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("X-Hub-Signature-256"), refused.body());
    }
    assertEquals(before, counts());
  }

  @Test
  @Order(4)
  void malformedAndOversizeBodiesGetAReasonAndNothingIsStored() throws SQLException {
    List<Long> before = counts();
    byte[] malformed = "{\"object\":\"page\",\"entry\":[".getBytes(StandardCharsets.UTF_8);
    byte[] oversize = body(List.of(message("psid-dan", "m_dan_1", "x".repeat(MAX_BODY), null)));

    HttpResponse<String> badJson = http.post("webhook", malformed, signed(malformed, SECRET));
    HttpResponse<String> tooLarge = http.post("webhook", oversize, signed(oversize, SECRET));

    assertEquals(400, badJson.statusCode(), badJson.body());
    assertTrue(badJson.body().startsWith("malformed JSON"), badJson.body());
    assertEquals(413, tooLarge.statusCode(), tooLarge.body());
    assertEquals(before, counts());
    assertEquals(List.of(), rows("SELECT psid FROM users WHERE psid = 'psid-dan'"));
  }

  @Test
  @Order(5)
  void theLeadsApiPagesUsersNewestFirstWithTheirLatestActivity() {
    assertEquals(401, http.get("api/leads").statusCode());
    assertEquals(400, http.getAsAdmin("api/leads?size=0").statusCode());

    JsonObject first = json(http.getAsAdmin("api/leads?page=0&size=1"));
    JsonObject second = json(http.getAsAdmin("api/leads?page=1&size=1"));

    assertEquals(2, first.getInt("total"));
    assertEquals(1, first.getJsonArray("leads").size());
    JsonObject ben = first.getJsonArray("leads").getJsonObject(0);
    assertEquals("psid-ben", ben.getString("psid"));
    assertEquals("postback", ben.getJsonObject("latestActivity").getString("type"));
    assertEquals("GET_STARTED", ben.getJsonObject("latestActivity").getString("details"));
    JsonObject ana = second.getJsonArray("leads").getJsonObject(0);
    assertEquals("psid-ana", ana.getString("psid"));
    assertEquals("PRICING", ana.getJsonObject("latestActivity").getString("details"));
  }

  @Test
  @Order(6)
  void dataFromTheWebhookSurvivesEveryChangeSetDownAndUpAgain() throws SQLException {
    for (int user = 0; user < 40; user++) {
      List<String> events = new ArrayList<>();
      for (int n = 0; n < 5; n++) {
        String mid = "m_seed_" + user + "_" + n;
        events.add(
            n % 2 == 0
                ? message("psid-seed-" + user, mid, "message " + n + " of lead " + user, null)
                : postback("psid-seed-" + user, mid, "Option " + n, "OPTION_" + n));
      }
      byte[] body = body(events);
      assertEquals(200, http.post("webhook", body, signed(body, SECRET)).statusCode());
    }
    MigrationRunner runner = database.runner();
    DatabaseState before = state();
    int rows = before.rows().values().stream().mapToInt(List::size).sum();

    runner.downgrade(new DowngradeTarget.ToChangeSet("20250115_0900_initial_schema"));
    runner.upgrade();

    assertEquals(before, state());
    assertEquals(List.of(42L, 203L, 82L), counts());
    System.out.printf(
        "Webhook data round trip: %d rows compared in %s, 0 lost%n", rows, before.rows().keySet());
  }

  @Test
  @Order(7)
  void oneUnusableEventIsKeptAsADeadLetterAndTheOtherKindsNeitherFailNorGetStored()
      throws SQLException {
    List<Long> before = counts();
    String noSender =
        "{\"recipient\":{\"id\":\"1000000000001\"},\"timestamp\":1764000004000,"
            + "\"message\":{\"mid\":\"m_orphan\",\"text\":\"who sent me?\"}}";
    byte[] body =
        bodyOf(
            entry(
                "messaging",
                List.of(
                    message("psid-eve", "m_eve_1", "Do you ship to Lyon?", null),
                    delivery("psid-eve"),
                    read("psid-eve"),
                    checkboxOptin("ref-eve-7"),
                    reaction("psid-eve", "m_eve_1"),
                    referral("psid-fay"),
                    noSender,
                    postback("psid-fay", "m_fay_1", "Book a demo", "BOOK_DEMO"))),
            entry("standby", List.of(message("psid-gus", "m_gus_1", "Hello?", null))));

    HttpResponse<String> first = http.post("webhook", body, signed(body, SECRET));
    HttpResponse<String> again = http.post("webhook", body, signed(body, SECRET));

    assertEquals(200, first.statusCode(), first.body());
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(List.of(before.get(0) + 2, before.get(1) + 2, before.get(2) + 1), counts());
    assertEquals(
        List.of("psid-eve Do you ship to Lyon?", "psid-fay Book a demo"),
        rows(
            "SELECT u.psid || ' ' || m.text FROM messages m JOIN users u ON u.id = m.user_id"
                + " WHERE u.psid IN ('psid-eve', 'psid-fay', 'psid-gus') ORDER BY u.psid"));
    JsonObject deadLetters =
        json(http.getAs("api/webhook/dead-letters", "admin", Http.ADMIN_PASSWORD));
    assertEquals(1, deadLetters.getInt("total"), "kept once, though delivered twice");
    assertEquals(1, deadLetters.getInt("waiting"));
    JsonObject letter = deadLetters.getJsonArray("letters").getJsonObject(0);
    assertEquals("entry[0].messaging[6]", letter.getString("position"));
    assertEquals(
        "entry[0].messaging[6].sender: missing, or not an object", letter.getString("reason"));
    assertEquals(
        Json.createReader(new StringReader(noSender)).readObject(),
        Json.createReader(new StringReader(letter.getString("event"))).readObject());
    assertTrue(
        micro
            .log()
            .contains(
                "Kept Messenger event entry[0].messaging[6] as dead letter "
                    + letter.getInt("id")
                    + ": entry[0].messaging[6].sender: missing, or not an object."),
        micro.log());
    assertEquals(401, http.get("api/webhook/dead-letters").statusCode());
    JsonObject farBeyond =
        json(
            http.getAs(
                "api/webhook/dead-letters?page=2147483647&size=200", "admin", Http.ADMIN_PASSWORD));
    assertEquals(0, farBeyond.getJsonArray("letters").size(), "a page far beyond the last");
    // Raw events carry what people wrote: a viewer sees the migrations, not personal data.
    assertEquals(403, http.getAs("api/webhook/dead-letters", VIEWER, VIEWER_PASSWORD).statusCode());
  }

  @Test
  @Order(8)
  void anAdminReplaysADeadLetterOnceItCanBeStoredAndNobodyElseDoes() throws Exception {
    long unusable = Long.parseLong(rows("SELECT MIN(id) FROM webhook_dead_letters").get(0));
    // As an earlier version kept it: Migochat refused texts over 2000 characters then.
    String event = message("psid-hal", "m_hal_1", "y".repeat(2500), null);
    long usable =
        keepDeadLetter("entry[0].messaging[0]", "text longer than 2000 characters", event);

    HttpResponse<String> byViewer = replay(usable, VIEWER, VIEWER_PASSWORD, Map.of());
    HttpResponse<String> fromAnotherSite =
        replay(usable, "admin", Http.ADMIN_PASSWORD, Map.of("Sec-Fetch-Site", "cross-site"));
    HttpResponse<String> stillUnusable = replay(unusable, "admin", Http.ADMIN_PASSWORD, Map.of());
    HttpResponse<String> replayed = replay(usable, "admin", Http.ADMIN_PASSWORD, Map.of());
    HttpResponse<String> twice = replay(usable, "admin", Http.ADMIN_PASSWORD, Map.of());
    HttpResponse<String> unknown = replay(999_999, "admin", Http.ADMIN_PASSWORD, Map.of());

    assertEquals(403, byViewer.statusCode(), byViewer.body());
    assertEquals(403, fromAnotherSite.statusCode(), fromAnotherSite.body());
    assertEquals(422, stillUnusable.statusCode(), stillUnusable.body());
    assertTrue(
        stillUnusable.body().contains("sender: missing, or not an object"), stillUnusable.body());
    assertEquals(200, replayed.statusCode(), replayed.body());
    assertEquals(1, json(replayed).getJsonObject("stored").getInt("messages"));
    assertEquals(409, twice.statusCode(), twice.body());
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertEquals(
        List.of("2500"),
        rows(
            "SELECT LENGTH(m.text) FROM messages m JOIN users u ON u.id = m.user_id"
                + " WHERE u.psid = 'psid-hal'"));
    JsonObject deadLetters = json(http.getAsAdmin("api/webhook/dead-letters?size=1"));
    assertEquals(2, deadLetters.getInt("total"));
    assertEquals(1, deadLetters.getInt("waiting"));
    JsonArray newest = deadLetters.getJsonArray("letters");
    assertEquals(usable, newest.getJsonObject(0).getInt("id"));
    assertTrue(newest.getJsonObject(0).containsKey("replayedAt"), newest.toString());
    assertTrue(micro.log().contains("Dead letter " + usable + " replayed by admin"), micro.log());
  }

  @Test
  @Order(9)
  void aMessageOfAThousandAndOneEmojiIsStoredWhole() throws SQLException {
    String emoji = EMOJI.repeat(1001);
    byte[] body = body(List.of(message("psid-ida", "m_ida_1", emoji, null)));

    HttpResponse<String> response = http.post("webhook", body, signed(body, SECRET));

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        List.of(emoji),
        rows(
            "SELECT m.text FROM messages m JOIN users u ON u.id = m.user_id"
                + " WHERE u.psid = 'psid-ida'"));
  }

  @Test
  @Order(10)
  void aFullBatchOfAThousandEventsIsStoredInOrderWithLookupsPerBatchNotPerEvent() throws Exception {
    List<String> events = new ArrayList<>();
    for (int user = 0; user < 250; user++) {
      String psid = "psid-batch-" + user;
      events.add(message(psid, "m_batch_" + user + "_a", "Hello from lead " + user, null));
      events.add(message(psid, "m_batch_" + user + "_b", "Pricing?", "PRICING"));
      events.add(postback(psid, "m_batch_" + user + "_c", "Book a demo", "BOOK_DEMO"));
      events.add(message(psid, "m_batch_" + user + "_d", "Tuesday works " + EMOJI, null));
    }
    byte[] body = body(events);
    List<Long> before = counts();
    long scansBefore = messagesStatistic("seq_scan + COALESCE(idx_scan, 0)");
    long insertsBefore = messagesStatistic("n_tup_ins");

    long started = System.nanoTime();
    HttpResponse<String> response = http.post("webhook", body, signed(body, SECRET));
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(200, response.statusCode(), response.body());
    System.out.printf(
        "A signed body of 1000 Messenger events (%d KB) was stored in %d ms%n",
        body.length / 1024, millis);
    assertEquals(List.of(before.get(0) + 250, before.get(1) + 1000, before.get(2) + 500), counts());
    // The leads list takes the newest lead and a lead's latest activity by id.
    List<String> firstSeen = new ArrayList<>();
    for (int user = 0; user < 250; user++) {
      firstSeen.add("psid-batch-" + user);
    }
    assertEquals(
        firstSeen, rows("SELECT psid FROM users WHERE psid LIKE 'psid-batch-%' ORDER BY id"));
    assertEquals(
        List.of("250"),
        rows(
            "SELECT COUNT(*) FROM lead_activities a JOIN users u ON u.id = a.user_id"
                + " WHERE u.psid LIKE 'psid-batch-%' AND a.activity_type = 'postback' AND a.id ="
                + " (SELECT MAX(b.id) FROM lead_activities b WHERE b.user_id = a.user_id)"));
    // PostgreSQL publishes a transaction's table statistics together, a moment after it ends.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (messagesStatistic("n_tup_ins") < insertsBefore + 1000 && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertTrue(messagesStatistic("n_tup_ins") >= insertsBefore + 1000, "statistics not published");
    long scans = messagesStatistic("seq_scan + COALESCE(idx_scan, 0)") - scansBefore;
    System.out.printf("Scans of the messages table while storing them: %d%n", scans);
    assertTrue(scans < 50, "the messages table was scanned " + scans + " times for 1000 events");
  }

  @Test
  @Order(11)
  void anOversizeBodyIsAnsweredAfterABoundedDrainNotReadToTheEnd() {
    long drainBound = 16L * 1024 * 1024;
    long declared = MAX_BODY + drainBound + 64L * 1024 * 1024;

    OversizeUpload upload = OversizeUpload.post(micro.port(), "/migochat/webhook", declared);

    assertEquals(413, upload.status());
    System.out.printf(
        "Oversize body: answered 413 after %d of %d bytes were sent%n",
        upload.sentBeforeAnswer(), upload.declared());
    // The socket buffers between client and server hold a few MB at most.
    assertTrue(
        upload.sentBeforeAnswer() < MAX_BODY + drainBound + 16L * 1024 * 1024,
        "the server read " + upload.sentBeforeAnswer() + " bytes before answering");
  }

  private static HttpResponse<String> replay(
      long id, String user, String password, Map<String, String> headers) {
    Map<String, String> withLogin = new HashMap<>(headers);
    withLogin.put(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    return http.post("api/webhook/dead-letters/" + id + "/replay", new byte[0], withLogin);
  }

  /** Keeps a dead letter the way the webhook does, and returns its id. */
  private static long keepDeadLetter(String position, String reason, String event)
      throws SQLException, NoSuchAlgorithmException {
    try (Connection connection = database.connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO webhook_dead_letters (received_at, body_position, reason, event,"
                    + " event_sha256) VALUES (now(), ?, ?, ?, ?) RETURNING id")) {
      insert.setString(1, position);
      insert.setString(2, reason);
      insert.setString(3, event);
      insert.setString(
          4,
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(event.getBytes(StandardCharsets.UTF_8))));
      try (ResultSet id = insert.executeQuery()) {
        id.next();
        return id.getLong(1);
      }
    }
  }

  /** A column of PostgreSQL's statistics of the messages table. */
  private static long messagesStatistic(String column) throws SQLException {
    return Long.parseLong(
        rows("SELECT " + column + " FROM pg_stat_user_tables WHERE relname = 'messages'").get(0));
  }

  private static DatabaseState state() throws SQLException {
    try (Connection connection = database.connect()) {
      return DatabaseState.read(connection);
    }
  }

  /** Users, messages and lead activities stored. */
  private static List<Long> counts() throws SQLException {
    List<Long> counts = new ArrayList<>();
    for (String table : List.of("users", "messages", "lead_activities")) {
      counts.add(Long.valueOf(rows("SELECT COUNT(*) FROM " + table).get(0)));
    }
    return counts;
  }

  private static List<String> rows(String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (result.next()) {
        rows.add(result.getString(1));
      }
      return rows;
    }
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
