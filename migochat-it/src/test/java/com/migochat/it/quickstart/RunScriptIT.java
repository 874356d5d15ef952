package com.migochat.it.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.Artifacts;
import com.migochat.it.support.Http;
import com.migochat.testkit.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run.sh} with no settings, as the README's first command: it prints the admin page, the
 * user and the password, that password logs in, the H2 files are in {@code ./data}, and stopping it
 * (Ctrl+C or a TERM) leaves no process behind. The script runs in a copy of the repository's layout
 * holding the WAR this build made, so it starts at once instead of building again, and its {@code
 * ./data} is not the developer's.
 */
class RunScriptIT {

  private static final Pattern PASSWORD = Pattern.compile("Password   : (\\S+) \\(from (.+)\\)");

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void runShPrintsTheLoginThatWorksKeepsH2InDataAndLeavesNothingRunning(@TempDir Path checkout)
      throws Exception {
    int port = FreePorts.pick();
    Process script = start(layout(checkout), port);
    List<ProcessHandle> started = new ArrayList<>();
    List<String> printed = new ArrayList<>();
    try {
      String banner = readBanner(script, printed);
      script.descendants().forEach(started::add);

      Matcher password = PASSWORD.matcher(banner);
      assertTrue(password.find(), banner);
      assertTrue(
          banner.contains(
              "Admin page : http://localhost:" + port + "/migochat/admin/migrations.xhtml"),
          banner);
      assertTrue(banner.contains("Log in as  : admin"), banner);
      assertEquals(checkout.resolve("data/admin-password").toString(), password.group(2));
      assertEquals(
          200,
          new Http("http://127.0.0.1:" + port + "/migochat/")
              .getAs("api/migrations/status", "admin", password.group(1))
              .statusCode());
      assertTrue(Files.exists(checkout.resolve("data/migochat.mv.db")), "no H2 file in ./data");
    } finally {
      script.destroy();
      assertTrue(script.waitFor(60, TimeUnit.SECONDS), "run.sh did not stop on TERM");
    }
    assertFalse(started.isEmpty(), "run.sh started no server: " + printed);
    for (ProcessHandle process : started) {
      process.onExit().get(30, TimeUnit.SECONDS);
      assertFalse(process.isAlive(), "left running: " + process.info());
    }
  }

  /**
   * The repository's files that run.sh uses, with the WAR and Payara Micro this build has, dated as
   * a checkout is: older than the WAR.
   */
  private static Path layout(Path checkout) throws IOException {
    Path repository = Path.of("..").toAbsolutePath().normalize();
    for (String file : List.of("run.sh", "pom.xml")) {
      Files.copy(
          repository.resolve(file), checkout.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
    }
    Path war = checkout.resolve("migochat-web/target/migochat.war");
    Files.createDirectories(war.getParent());
    Files.copy(Artifacts.microWar(), war);
    String version = System.getProperty("migochat.it.payara-version");
    Path micro = checkout.resolve("target/payara-micro-" + version + ".jar");
    Files.createDirectories(micro.getParent());
    Files.createSymbolicLink(micro, Artifacts.payaraMicroJar());
    return checkout;
  }

  private static Process start(Path checkout, int port) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", checkout.resolve("run.sh").toString())
            .directory(checkout.toFile())
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("MIGOCHAT_"));
    builder.environment().put("MIGOCHAT_PORT", String.valueOf(port));
    return builder.start();
  }

  /** What run.sh printed up to the end of its banner; fails if it ends first. */
  private static String readBanner(Process script, List<String> printed) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      printed.add(line);
      if (line.contains("Stop with Ctrl+C.")) {
        return String.join("\n", printed);
      }
    }
    throw new AssertionError("run.sh ended before its banner: " + String.join("\n", printed));
  }
}
