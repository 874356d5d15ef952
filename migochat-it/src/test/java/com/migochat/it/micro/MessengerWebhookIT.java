package com.migochat.it.micro;

import static com.migochat.it.support.MessengerEvents.body;
import static com.migochat.it.support.MessengerEvents.delivery;
import static com.migochat.it.support.MessengerEvents.message;
import static com.migochat.it.support.MessengerEvents.postback;
import static com.migochat.it.support.MessengerEvents.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.Artifacts;
import com.migochat.it.support.Http;
import com.migochat.it.support.MicroSettings;
import com.migochat.it.support.PayaraMicroProcess;
import com.migochat.migrations.roundtrip.DatabaseState;
import com.migochat.migrations.runner.DowngradeTarget;
import com.migochat.migrations.runner.MigrationRunner;
import com.migochat.migrations.runner.MigrationSettings;
import com.migochat.migrations.testing.ThrowawayDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
 * the handshake, signed events stored once, refusals that store nothing, the leads API, and the
 * stored data surviving every changeset down and up again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MessengerWebhookIT {

  private static final String SECRET = "it-app-secret-0123456789";
  private static final String VERIFY_TOKEN = "it-verify-token";
  private static final int MAX_BODY = 65536;

  private static ThrowawayDatabase database;
  private static PayaraMicroProcess micro;
  private static Http http;

  @BeforeAll
  static void startMigochat() {
    database = ThrowawayDatabase.postgres();
    micro =
        PayaraMicroProcess.start(
            Artifacts.microWar(),
            28183,
            MicroSettings.on(database)
                .with("migochat.messenger.app-secret", SECRET)
                .with("migochat.messenger.verify-token", VERIFY_TOKEN)
                .with("migochat.messenger.max-body-bytes", Integer.toString(MAX_BODY)),
            Path.of("target", "messenger-webhook"));
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
  void malformedIncompleteAndOversizeBodiesGetAReasonAndNothingIsStored() throws SQLException {
    List<Long> before = counts();
    byte[] malformed = "{\"object\":\"page\",\"entry\":[".getBytes(StandardCharsets.UTF_8);
    // A good event first: refusing the body must not keep it.
    byte[] incomplete =
        body(
            List.of(
                message("psid-cara", "m_cara_1", "first", null),
                "{\"recipient\":{\"id\":\"1\"},\"timestamp\":1,\"message\":{\"mid\":\"m_x\"}}"));
    byte[] oversize = body(List.of(message("psid-dan", "m_dan_1", "x".repeat(MAX_BODY), null)));

    HttpResponse<String> badJson = http.post("webhook", malformed, signed(malformed, SECRET));
    HttpResponse<String> noSender = http.post("webhook", incomplete, signed(incomplete, SECRET));
    HttpResponse<String> tooLarge = http.post("webhook", oversize, signed(oversize, SECRET));

    assertEquals(400, badJson.statusCode(), badJson.body());
    assertTrue(badJson.body().startsWith("malformed JSON"), badJson.body());
    assertEquals(400, noSender.statusCode(), noSender.body());
    assertEquals("entry[0].messaging[1].sender: missing, or not an object", noSender.body());
    assertEquals(413, tooLarge.statusCode(), tooLarge.body());
    assertEquals(before, counts());
    assertEquals(List.of(), rows("SELECT psid FROM users WHERE psid IN ('psid-cara', 'psid-dan')"));
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
    MigrationRunner runner =
        new MigrationRunner(database.dataSource(), MigrationSettings.defaults());
    DatabaseState before = state();
    int rows = before.rows().values().stream().mapToInt(List::size).sum();

    runner.downgrade(new DowngradeTarget.ToChangeSet("20250115_0900_initial_schema"));
    runner.upgrade();

    assertEquals(before, state());
    assertEquals(List.of(42L, 203L, 82L), counts());
    System.out.printf(
        "Webhook data round trip: %d rows compared in %s, 0 lost%n", rows, before.rows().keySet());
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
