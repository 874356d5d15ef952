package com.migochat.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver, both from the Debian packages ({@code apt-get
 * install -y chromium chromium-driver}); nothing is downloaded at run time. Elements are looked up
 * the way a user finds them (by label, by button text) and waited for up to ten seconds. {@link
 * #close()} ends chromedriver and every Chromium process it started, as does a shutdown hook should
 * the test JVM end first.
 */
public final class Browser implements AutoCloseable {

  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final String INSTALL_HINT =
      "install the Debian packages: apt-get install -y chromium chromium-driver";
  private static final Duration WAIT_LIMIT = Duration.ofSeconds(10);
  private static final Duration EXIT_LIMIT = Duration.ofSeconds(5);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path screenshotFolder;
  private final ProcessHandle chromedriver;
  private final Thread stopOnExit;

  private Browser(
      ChromeDriver driver,
      ChromeDriverService service,
      Path screenshotFolder,
      ProcessHandle chromedriver) {
    this.driver = driver;
    this.service = service;
    this.screenshotFolder = screenshotFolder;
    this.chromedriver = chromedriver;
    this.stopOnExit = new Thread(this::killProcesses);
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * Starts chromedriver and a headless Chromium with a 1280x1600 window; screenshots, and
   * chromedriver's log, go to {@code screenshotFolder}.
   */
  public static Browser open(Path screenshotFolder) {
    requireExecutable(CHROMEDRIVER, "chromedriver");
    requireExecutable(CHROMIUM, "chromium");
    createFolder(screenshotFolder);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .withLogFile(screenshotFolder.resolve("chromedriver.log").toFile())
            .build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options());
    } catch (WebDriverException e) {
      service.stop();
      throw new IllegalStateException(
          "Cannot start headless "
              + CHROMIUM
              + " through "
              + CHROMEDRIVER
              + " (see "
              + screenshotFolder.resolve("chromedriver.log").toAbsolutePath()
              + "). Both must be present and of the same version; "
              + INSTALL_HINT
              + ". Cause: "
              + e.getMessage(),
          e);
    }
    return new Browser(driver, service, screenshotFolder, chromedriverProcess(service));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Saves what the window shows as {@code <name>.png} in the screenshot folder. */
  public void screenshot(String name) {
    createFolder(screenshotFolder);
    Path file = screenshotFolder.resolve(name + ".png");
    try {
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the screenshot " + file, e);
    }
  }

  /** The element with this id, once it is present. */
  public WebElement byId(String id) {
    return await(By.id(id));
  }

  /** The form control that the {@code <label>} with exactly this text is {@code for}. */
  public WebElement byLabel(String labelText) {
    WebElement label = await(By.xpath("//label[normalize-space(.)=" + literal(labelText) + "]"));
    String id = label.getDomAttribute("for");
    if (id == null || id.isEmpty()) {
      throw new NoSuchElementException(
          "The label \"" + labelText + "\" has no for attribute naming its control");
    }
    return byId(id);
  }

  /** The {@code <button>}, or submit or button {@code <input>}, showing exactly this text. */
  public WebElement button(String text) {
    String literal = literal(text);
    return await(
        By.xpath(
            "//button[normalize-space(.)="
                + literal
                + "] | //input[(@type='submit' or @type='button') and @value="
                + literal
                + "]"));
  }

  /**
   * Clicks a button or link that loads another page, and returns once that page replaced this one:
   * reading right after a bare click could find the old page's elements.
   */
  public void clickToLoad(WebElement element) {
    WebElement page = driver.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(driver, WAIT_LIMIT).until(ExpectedConditions.stalenessOf(page));
  }

  /** Quits the browser, then ends any chromedriver or Chromium process that outlived it. */
  @Override
  public void close() {
    List<ProcessHandle> started = processesStarted();
    try {
      driver.quit();
    } finally {
      service.stop();
      awaitExitOrKill(started);
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs anyway and finds nothing left to end.
      }
    }
  }

  private WebElement await(By locator) {
    return new WebDriverWait(driver, WAIT_LIMIT)
        .until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  private List<ProcessHandle> processesStarted() {
    if (chromedriver == null) {
      return List.of();
    }
    List<ProcessHandle> started = new ArrayList<>(chromedriver.descendants().toList());
    started.add(chromedriver);
    return started;
  }

  private void killProcesses() {
    processesStarted().forEach(ProcessHandle::destroyForcibly);
  }

  /** Waits up to five seconds for all of them to end, then kills whichever still runs. */
  private static void awaitExitOrKill(List<ProcessHandle> processes) {
    long deadline = System.nanoTime() + EXIT_LIMIT.toNanos();
    try {
      while (processes.stream().anyMatch(Browser::isRunning) && System.nanoTime() < deadline) {
        Thread.sleep(POLL_INTERVAL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    processes.stream().filter(Browser::isRunning).forEach(ProcessHandle::destroyForcibly);
  }

  /**
   * Alive and not a zombie: once chromedriver is gone, the Chromium processes it started belong to
   * init, which may take a second or two to reap them, and {@link ProcessHandle#isAlive()} counts
   * them alive until then.
   */
  private static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
      return !afterName.startsWith("Z");
    } catch (IOException | RuntimeException gone) {
      return process.isAlive();
    }
  }

  /** The chromedriver child of this JVM listening on the service's port, if it can be seen. */
  private static ProcessHandle chromedriverProcess(ChromeDriverService service) {
    String portArgument = "--port=" + service.getUrl().getPort();
    return ProcessHandle.current()
        .children()
        .filter(
            child ->
                child
                    .info()
                    .arguments()
                    .map(arguments -> Arrays.asList(arguments).contains(portArgument))
                    .orElse(false))
        .findFirst()
        .orElse(null);
  }

  private static ChromeOptions options() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.getPath());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1280,1600");
    return options;
  }

  private static void requireExecutable(File file, String what) {
    if (!file.canExecute()) {
      throw new IllegalStateException(
          "Browser tests need " + what + " at " + file + ", which is missing; " + INSTALL_HINT);
    }
  }

  private static void createFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the screenshot folder " + folder, e);
    }
  }

  /** {@code text} as an XPath string literal, whatever quotes it contains. */
  private static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
