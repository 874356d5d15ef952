package com.migochat.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.Browser;
import com.migochat.it.support.Deployments;
import com.migochat.it.support.Http;
import com.migochat.it.support.MicroSettings;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.testkit.PayaraMicroProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The migration console in headless Chromium, against Payara Micro on PostgreSQL: log in, read the
 * version and the history, page, sort and filter it, act as admin (and be refused without the
 * session's token), see a pending changeset's SQL, a comment that tries cross-site scripting shown
 * as text, a viewer who cannot act, and logging out. Each test leaves a screenshot under {@code
 * target/screenshots/console}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ConsoleInBrowserIT {

  private static final String CHANGELOG = "db/test/console-changelog.xml";
  private static final String PROBE = "29991231_2357_console_probe";
  private static final String NO_ROLLBACK = "29991231_2356_console_no_rollback";
  private static final String PROBE_COMMENT =
      "<script>document.title='owned'</script><img src=x onerror=\"document.title='owned'\"> probe";
  private static final String TITLE = "Migochat - schema migrations";
  private static final int SEEDED = 120;

  /** Migochat's changesets, one without a rollback, and the probe. */
  private static final int CHANGESETS = ExpectedChangeSets.IDS.size() + 2;

  private static final int APPLIED = CHANGESETS + SEEDED;
  private static final String VIEWER = "vera";
  private static final String VIEWER_PASSWORD = "viewer-Secret-7";

  /** {@code echo viewer-Secret-7 | java -jar migochat-cli.jar hash-password}: stored hashed. */
  private static final String VIEWER_PASSWORD_HASH =
      "PBKDF2WithHmacSHA256:210000:PWnqd/l4EPMK3DN1hff3Qa10dX2Erl0/dvYoiWeaXRs=:"
          + "MfrZblLmXf7U1rU70YEW9a8XCVocsm1e64HS/EVMS7s=";

  private static final Path FOLDER = Path.of("target", "console-in-browser");

  private static ThrowawayDatabase database;
  private static PayaraMicroProcess micro;
  private static Browser browser;

  /** A failed test leaves the page as it was when it failed, besides its own screenshot. */
  @RegisterExtension
  final TestWatcher screenshotOnFailure =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (browser != null) {
            browser.screenshot(context.getRequiredTestMethod().getName() + "-failed");
          }
        }
      };

  @BeforeAll
  static void startTheConsoleAndABrowser() throws SQLException {
    database = ThrowawayDatabase.postgres();
    micro =
        PayaraMicroProcess.start(
            MicroSettings.on(database)
                .with("migochat.migrations.changelog", CHANGELOG)
                .with("migochat.users", VIEWER + "=viewer")
                .with("migochat.user." + VIEWER + ".password", VIEWER_PASSWORD_HASH)
                .deploying(Deployments.migochatWarWith(CHANGELOG, FOLDER), FOLDER));
    seedOlderHistory();
    browser = Browser.open(Path.of("target", "screenshots", "console"));
  }

  /** History rows older than Migochat's own, from changesets this changelog does not have. */
  private static void seedOlderHistory() throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted,"
              + " exectype, md5sum, description, comments, liquibase, deployment_id)"
              + " SELECT 'legacy_' || lpad(n::text, 3, '0'), 'legacy-team', 'legacy/' || n ||"
              + " '.xml', timestamp '2020-01-01' + n * interval '1 hour', n - 1000, 'EXECUTED',"
              + " '9:' || md5(n::text), 'createTable tableName=legacy_' || n, 'legacy change ' ||"
              + " n, '4.33.0', '0000000001' FROM generate_series(1, "
              + SEEDED
              + ") AS n");
    }
  }

  @AfterAll
  static void stopEverything() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
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
  }

  private static String console() {
    return micro.baseUrl() + "admin/migrations.xhtml";
  }

  private static void logIn(String user, String password) {
    browser.open(console());
    assertTrue(browser.driver().getCurrentUrl().contains("/login.xhtml"));
    browser.byLabel("User name").sendKeys(user);
    browser.byLabel("Password").sendKeys(password);
    browser.clickToLoad(browser.button("Log in"));
    browser.byId("current-version");
  }

  private static String text(String id) {
    return browser.byId(id).getText();
  }

  @Test
  @Order(1)
  void anAdminLogsInAndSeesTheVersionAndTheHistory(TestInfo test) {
    browser.open(console());
    assertTrue(browser.driver().getCurrentUrl().contains("/login.xhtml?from="));
    browser.byLabel("User name").sendKeys("admin");
    browser.byLabel("Password").sendKeys("wrong");
    browser.clickToLoad(browser.button("Log in"));
    assertTrue(text("messages").contains("Wrong user name or password."), text("messages"));

    logIn("admin", Http.ADMIN_PASSWORD);

    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
    assertTrue(session.isHttpOnly());
    assertEquals("Strict", session.getSameSite());
    assertEquals(PROBE, text("current-version"));
    assertEquals("yes (0 pending)", text("at-head"));
    assertEquals(String.valueOf(APPLIED), text("applied-count"));
    assertEquals("free", text("lock-state"));
    assertTrue(text("who").contains("admin"), text("who"));
    assertEquals(PROBE, historyCell(0, 1));
    assertEquals("possible", historyCell(0, 5));
    assertEquals(NO_ROLLBACK, historyCell(1, 1));
    assertEquals("impossible", historyCell(1, 5));
    assertTrue(text("no-rollback").contains(NO_ROLLBACK), text("no-rollback"));
    assertTrue(text("drift-state").startsWith(SEEDED + " findings"), text("drift-state"));
    assertTheConsoleFitsTheWindow();
  }

  /** At 1280 px nothing scrolls sideways: the history keeps what an operator scans. */
  private static void assertTheConsoleFitsTheWindow() {
    Object fits =
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
    assertEquals(Boolean.TRUE, fits, "the console scrolls sideways at 1280 px");
  }

  @Test
  @Order(2)
  void theHistoryPagesSortsAndFiltersOnTheServer(TestInfo test) {
    assertEquals(APPLIED + " changesets; page 1 of 3", text("history-count"));
    assertEquals(50, historyRows().size());

    browser.clickToLoad(browser.byId("next-page"));
    assertEquals("Page 2 of 3", text("page-position"));
    // Newest first: the changesets, then the seeded rows from the newest.
    assertEquals("legacy_%03d".formatted(SEEDED - 50 + CHANGESETS), historyCell(0, 1));
    browser.clickToLoad(browser.byId("last-page"));
    assertEquals("Page 3 of 3", text("page-position"));
    assertEquals(APPLIED - 100, historyRows().size());

    browser.clickToLoad(browser.byId("sort-id"));
    assertEquals(
        "ascending",
        browser.byId("sort-id").findElement(By.xpath("..")).getDomAttribute("aria-sort"));
    assertEquals("20250115_0900_initial_schema", historyCell(0, 1));
    assertEquals("Page 1 of 3", text("page-position"));

    browser.byLabel("Filter history").sendKeys("CONSOLE_probe");
    browser.clickToLoad(browser.button("Filter"));
    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    assertEquals("1 changesets match; page 1 of 1", text("history-count"));
    assertEquals(PROBE, historyCell(0, 1));
  }

  @Test
  @Order(3)
  void aCommentThatTriesScriptingIsShownAsText(TestInfo test) {
    browser.open(console() + "?q=" + PROBE);
    WebElement row = historyRows().get(0);
    WebElement comment = row.findElement(By.className("comment"));
    assertFalse(comment.isDisplayed(), "the comment is folded into the row's details");
    row.findElement(By.tagName("summary")).click();

    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    assertEquals(PROBE_COMMENT, comment.getText());
    assertTrue(comment.findElements(By.xpath("./*")).isEmpty(), "markup in the comment cell");
    assertEquals(TITLE, browser.driver().getTitle());
  }

  @Test
  @Order(4)
  void anAdminTagsTheCurrentStateAndAFormWithoutTheSessionTokenIsRefused(TestInfo test) {
    browser.open(console());
    browser.byLabel("Tag name").sendKeys("release-42");
    browser.clickToLoad(browser.button("Tag current state"));
    assertTrue(
        text("messages").contains("Tagged changeset " + PROBE + " as 'release-42'"),
        text("messages"));
    assertEquals("release-42", text("latest-tag"));

    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "document.querySelectorAll('input[name=csrf]').forEach(i => i.value = 'forged')");
    browser.byLabel("Tag name").sendKeys("forged-tag");
    browser.clickToLoad(browser.button("Tag current state"));

    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    assertTrue(text("messages").contains("Refused: the form did not carry"), text("messages"));
    assertEquals("release-42", text("latest-tag"));
    assertTrue(micro.log().contains("Console action by admin: Tagged changeset " + PROBE));
    assertTrue(micro.log().contains("Refused console action by admin: tag the history"));
  }

  @Test
  @Order(5)
  void aColumnAddedByHandShowsAsLiveSchemaDriftOnTheConsoleAndOverRest(TestInfo test)
      throws SQLException {
    browser.open(console());
    assertTrue(text("live-schema-drift").contains("not checked"), text("live-schema-drift"));
    execute("ALTER TABLE users ADD COLUMN nickname varchar(40)");
    try {
      browser.clickToLoad(browser.button("Check live schema"));

      browser.screenshot(test.getTestMethod().orElseThrow().getName());
      assertTrue(text("live-schema-drift").endsWith("1 differences"), text("live-schema-drift"));
      assertEquals("column public.users.nickname: only in the live database", text("live-drift"));
      assertTrue(text("entity-check").startsWith("Entities against the schema: "));
      HttpResponse<String> rest = new Http(micro.baseUrl()).getAsAdmin("api/migrations/drift");
      assertEquals(200, rest.statusCode());
      assertTrue(rest.body().contains("public.users.nickname"), rest.body());
    } finally {
      execute("ALTER TABLE users DROP COLUMN nickname");
    }
    assertTrue(micro.log().contains("Console action by admin: Live schema drift: 1 differences"));
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Test
  @Order(6)
  void anEditedChangeSetShowsAsAChecksumMismatchWithBothRepairs(TestInfo test)
      throws SQLException, InterruptedException {
    String stored = single("SELECT md5sum FROM databasechangelog WHERE id = '" + NO_ROLLBACK + "'");
    execute(
        "UPDATE databasechangelog SET md5sum = '9:0123456789abcdef0123456789abcdef' WHERE id = '"
            + NO_ROLLBACK
            + "'");
    try {
      // Edited behind the application's back, the history keeps its shape (rows, order, tags,
      // how many checksums), so the console sees it when its overview is next recomputed: within
      // SchemaOverviewCache.MAX_AGE_SECONDS (30 s). A deployment of an edited changelog starts
      // with no overview at all.
      String expected = SEEDED + 1 + " findings";
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
      do {
        Thread.sleep(2000);
        browser.open(console());
      } while (!text("drift-state").startsWith(expected) && System.nanoTime() < giveUp);

      browser.screenshot(test.getTestMethod().orElseThrow().getName());
      assertTrue(text("drift-state").startsWith(expected), text("drift-state"));
      WebElement finding =
          browser.byId("drift").findElements(By.cssSelector("tbody tr")).stream()
              .filter(row -> row.getText().contains("CHECKSUM_MISMATCH"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no CHECKSUM_MISMATCH: " + text("drift")));
      List<WebElement> cells = finding.findElements(By.tagName("td"));
      assertEquals(NO_ROLLBACK, cells.get(1).getText());
      assertTrue(
          cells.get(2).getText().contains("edited after it was applied"), cells.get(2).getText());
      assertTrue(cells.get(3).getText().contains("revert the edit"), cells.get(3).getText());
      assertTrue(cells.get(3).getText().contains("<validCheckSum>"), cells.get(3).getText());
    } finally {
      execute(
          "UPDATE databasechangelog SET md5sum = '"
              + stored
              + "' WHERE id = '"
              + NO_ROLLBACK
              + "'");
    }
  }

  private static String single(String query) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(query)) {
      assertTrue(row.next(), query);
      return row.getString(1);
    }
  }

  @Test
  @Order(7)
  void aPendingChangeSetShowsTheSqlItWillRun(TestInfo test) {
    database.runner(CHANGELOG).downgrade(new DowngradeTarget.Steps(1));

    browser.open(console());
    assertEquals("no (1 pending)", text("at-head"));
    WebElement pending = browser.byId("pending-" + PROBE);
    assertTrue(pending.getText().contains(PROBE_COMMENT), pending.getText());
    WebElement sql = pending.findElement(By.className("sql"));
    assertFalse(sql.isDisplayed(), "the SQL is folded until asked for");
    pending.findElement(By.tagName("summary")).click();

    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    assertTrue(sql.isDisplayed());
    assertTrue(sql.getText().contains("CREATE TABLE public.console_probe"), sql.getText());
    assertTheConsoleFitsTheWindow();
    assertEquals(TITLE, browser.driver().getTitle());
  }

  @Test
  @Order(8)
  void aViewerSeesEverythingButCannotAct(TestInfo test) {
    browser.clickToLoad(browser.button("Log out"));
    assertTrue(text("logged-out").contains("You are logged out."));

    logIn(VIEWER, VIEWER_PASSWORD);

    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    assertTrue(text("who").contains("viewer: read only"), text("who"));
    assertTrue(text("read-only").contains("need the admin role"));
    assertTrue(browser.driver().findElements(By.id("tag")).isEmpty(), "a viewer sees Tag");
    assertTrue(browser.driver().findElements(By.id("release-lock")).isEmpty());
    assertTrue(browser.driver().findElements(By.id("backup")).isEmpty());
    assertNotEquals(0, historyRows().size());
    assertEquals(
        200,
        new Http(micro.baseUrl())
            .getAs("api/migrations/pending", VIEWER, VIEWER_PASSWORD)
            .statusCode());
  }

  @Test
  @Order(9)
  void loggingOutEndsTheSession(TestInfo test) {
    browser.clickToLoad(browser.button("Log out"));
    browser.byId("logged-out");

    browser.open(console());

    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    assertTrue(browser.driver().getCurrentUrl().contains("/login.xhtml"));
    assertTrue(browser.driver().findElements(By.id("current-version")).isEmpty());
  }

  private static List<WebElement> historyRows() {
    return browser.byId("history").findElements(By.cssSelector("tbody tr"));
  }

  private static String historyCell(int row, int column) {
    return historyRows().get(row).findElements(By.tagName("td")).get(column).getText();
  }
}
