package com.migochat.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.Artifacts;
import com.migochat.it.support.Http;
import com.migochat.it.support.MicroSettings;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.testkit.PayaraMicroProcess;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The console's and the API's security on Payara Micro with PostgreSQL: the generated admin
 * password in an owner-only file, what each role may read, the login form's redirect, a huge page
 * of leads, metrics that never wait for the database, and HTTP Basic checked only where a login is
 * needed, then throttled. The throttling test runs last: it leaves this client's address throttled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ConsoleSecurityIT {

  private static final Path FOLDER = Path.of("target", "console-security");
  private static final Path PASSWORD_FILE = FOLDER.resolve("secrets").resolve("admin-password");
  private static final String VIEWER_PASSWORD = "viewer-Secret-7";

  /** {@code echo viewer-Secret-7 | java -jar migochat-cli.jar hash-password}. */
  private static final String VIEWER_PASSWORD_HASH =
      "PBKDF2WithHmacSHA256:210000:PWnqd/l4EPMK3DN1hff3Qa10dX2Erl0/dvYoiWeaXRs=:"
          + "MfrZblLmXf7U1rU70YEW9a8XCVocsm1e64HS/EVMS7s=";

  private static final String SALES_PASSWORD = "sales-Secret-5";

  private static ThrowawayDatabase database;
  private static PayaraMicroProcess micro;
  private static Http http;
  private static String adminPassword;

  @BeforeAll
  static void startWithoutAnAdminPassword() throws IOException {
    database = ThrowawayDatabase.postgres();
    Files.deleteIfExists(PASSWORD_FILE);
    micro =
        PayaraMicroProcess.start(
            MicroSettings.on(database)
                .without("migochat.admin.password")
                .with("migochat.admin.password-file", PASSWORD_FILE.toAbsolutePath().toString())
                .with("migochat.users", "vera=viewer,carol=sales")
                .with("migochat.user.vera.password", VIEWER_PASSWORD_HASH)
                .with("migochat.user.carol.password", SALES_PASSWORD)
                .deploying(Artifacts.microWar(), FOLDER));
    http = new Http(micro.baseUrl());
    adminPassword = Files.readString(PASSWORD_FILE);
  }

  @AfterAll
  static void stop() {
    try {
      if (micro != null) {
        micro.close();
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }

  @Test
  @Order(1)
  void theGeneratedAdminPasswordIsInAFileOnlyItsOwnerReadsAndNotInTheLog() throws IOException {
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(PASSWORD_FILE)));
    assertEquals(200, http.getAs("api/migrations/status", "admin", adminPassword).statusCode());
    assertFalse(micro.log().contains(adminPassword), "the password is in the log");
    assertTrue(
        micro.log().contains("with the generated password in " + PASSWORD_FILE.toAbsolutePath()),
        micro.log());
  }

  @Test
  @Order(2)
  void eachRoleReadsOnlyWhatItIsFor() {
    Map<String, Integer> admin = statuses("admin", adminPassword);
    Map<String, Integer> viewer = statuses("vera", VIEWER_PASSWORD);
    Map<String, Integer> sales = statuses("carol", SALES_PASSWORD);

    assertEquals(Map.of("console", 200, "migrations", 200, "leads", 200), admin);
    assertEquals(Map.of("console", 200, "migrations", 200, "leads", 403), viewer);
    assertEquals(Map.of("console", 403, "migrations", 403, "leads", 200), sales);
  }

  @Test
  @Order(2)
  void theLockHazardsOfThePendingChangeSetsAreOnTheConsoleAndInJson() {
    HttpResponse<String> hazards = http.getAs("api/migrations/hazards", "vera", VIEWER_PASSWORD);
    HttpResponse<String> page = http.getAs("admin/migrations.xhtml", "vera", VIEWER_PASSWORD);

    assertEquals(200, hazards.statusCode(), hazards.body());
    assertTrue(
        hazards.body().contains("\"thresholdRows\":10000")
            && hazards.body().contains("\"passed\":true")
            && hazards.body().contains("\"findings\":[]"),
        hazards.body());
    assertEquals(403, http.getAs("api/migrations/hazards", "carol", SALES_PASSWORD).statusCode());
    assertTrue(page.body().contains("Lock hazards of the pending changesets"), page.body());
    assertTrue(page.body().contains("id=\"no-hazards\""), page.body());
  }

  private static Map<String, Integer> statuses(String user, String password) {
    return Map.of(
            "console", "admin/migrations.xhtml",
            "migrations", "api/migrations/status",
            "leads", "api/leads")
        .entrySet()
        .stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                path -> http.getAs(path.getValue(), user, password).statusCode()));
  }

  @Test
  @Order(3)
  void aPageOfLeadsFarBeyondTheLastIsEmptyNotAnError() {
    HttpResponse<String> huge =
        http.getAs("api/leads?page=2147483647&size=200", "admin", adminPassword);

    assertEquals(200, huge.statusCode(), huge.body());
    assertTrue(huge.body().contains("\"leads\":[]"), huge.body());
  }

  @Test
  @Order(4)
  void theLoginFormGoesOnlyToAConsolePage() {
    assertEquals(
        "/migochat/admin/migrations.xhtml",
        new FormLogin().logIn("admin", adminPassword, "/admin/../../health/ready").location());
    assertEquals(
        "/migochat/admin/migrations.xhtml",
        new FormLogin().logIn("admin", adminPassword, "/admin/\\\\evil.example").location());
    assertTrue(
        new FormLogin()
            .logIn("carol", SALES_PASSWORD, "/admin/migrations.xhtml")
            .body()
            .contains("whose role may read /api/leads only"));
  }

  @Test
  @Order(5)
  void metricsAnswerFromMemoryWhileTheConsoleWaitsForTheDatabase() throws Exception {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("LOCK TABLE databasechangelog IN ACCESS EXCLUSIVE MODE");
      CompletableFuture<HttpResponse<String>> console =
          CompletableFuture.supplyAsync(
              () -> http.getAs("admin/migrations.xhtml", "admin", adminPassword));

      HttpResponse<String> scrape =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              micro.baseUrl().replace("/migochat/", "/metrics?scope=application")))
                      .timeout(Duration.ofSeconds(20))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertFalse(console.isDone(), "the console did not wait for the locked history");
      assertEquals(200, scrape.statusCode());
      assertTrue(
          scrape.body().contains("migochat_migration_pending{mp_scope=\"application\"} 0.0"),
          scrape.body());
      connection.rollback();
      assertEquals(200, console.get(60, TimeUnit.SECONDS).statusCode());
    }
  }

  @Test
  @Order(100)
  void basicCredentialsAreCheckedOnlyWhereALoginIsNeededAndThrottledThere() {
    int webhook = http.get("webhook").statusCode();
    int loginPage = http.get("login.xhtml").statusCode();
    for (int request = 0; request < 10; request++) {
      assertEquals(webhook, http.getAs("webhook", "admin", "wrong").statusCode());
      assertEquals(loginPage, http.getAs("login.xhtml", "admin", "wrong").statusCode());
    }
    assertFalse(micro.log().contains("Refused a console login"), micro.log());

    String forger = "mallory\r\nSEVERE forged";
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertEquals(401, http.getAs("api/migrations/status", forger, "wrong").statusCode());
    }
    for (int attempt = 0; attempt < 10; attempt++) {
      HttpResponse<String> throttled = http.getAs("api/migrations/status", "someone", "guess");
      assertEquals(429, throttled.statusCode(), throttled.body());
      assertEquals("2", throttled.headers().firstValue("Retry-After").orElse(""));
    }
    String formAnswer = new FormLogin().logIn("admin", "another guess", "/admin/x").body();

    String log = micro.log();
    assertEquals(
        5,
        occurrences(
            log,
            "Refused a console login as 'mallory??SEVERE forged' from 127.0.0.1 (HTTP Basic)"));
    assertEquals(1, occurrences(log, "Throttling console logins from 127.0.0.1 after 5 failed"));
    assertFalse(log.contains("\nSEVERE forged"), "a forged log line");
    assertTrue(formAnswer.contains("Too many failed logins"), formAnswer);
  }

  private static int occurrences(String text, String part) {
    return (int) Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
  }

  /** A browser's login through the form, without a browser: the form, then its POST. */
  private static final class FormLogin {

    private static final Pattern VIEW_STATE =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private HttpResponse<String> answer;

    FormLogin logIn(String user, String password, String from) {
      String form = send(HttpRequest.newBuilder(login()).GET()).body();
      Matcher viewState = VIEW_STATE.matcher(form);
      assertTrue(viewState.find(), form);
      String fields =
          Map.of(
                  "login",
                  "login",
                  "username",
                  user,
                  "password",
                  password,
                  "from",
                  from,
                  "log-in",
                  "Log in",
                  "jakarta.faces.ViewState",
                  viewState.group(1))
              .entrySet()
              .stream()
              .map(
                  field ->
                      URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      answer =
          send(
              HttpRequest.newBuilder(login())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(fields)));
      return this;
    }

    String location() {
      assertEquals(302, answer.statusCode(), answer.body());
      return URI.create(answer.headers().firstValue("Location").orElseThrow()).getPath();
    }

    String body() {
      return answer.body();
    }

    private static URI login() {
      return URI.create(micro.baseUrl() + "login.xhtml");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return client.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new IllegalStateException("The login form did not answer", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while logging in", e);
      }
    }
  }
}
