package com.migochat.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.migrations.config.MigochatSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleUsersTest {

  /** {@code echo viewer-Secret-7 | java -jar migochat-cli.jar hash-password}. */
  static final String VIEWER_HASH =
      "PBKDF2WithHmacSHA256:210000:PWnqd/l4EPMK3DN1hff3Qa10dX2Erl0/dvYoiWeaXRs=:"
          + "MfrZblLmXf7U1rU70YEW9a8XCVocsm1e64HS/EVMS7s=";

  private final CountingPasswordHash hash = new CountingPasswordHash();

  static ConsoleUsers load(Settings settings, PasswordHash hash) {
    ConsoleUsers users = new ConsoleUsers();
    users.settings = MigochatSettings.from(settings);
    users.passwordHash = hash;
    users.load("/migochat");
    return users;
  }

  private ConsoleUsers accounts() {
    return load(
        new Settings()
            .with("migochat.admin.password", "admin-Secret-1")
            .with("migochat.users", "vera=viewer,carol=sales")
            .with("migochat.user.vera.password", VIEWER_HASH)
            .with("migochat.user.carol.password", "carol-Secret-3"),
        hash);
  }

  @Test
  void aNameWithoutAnAccountCostsOnePbkdf2CheckOfTheSameIterationsAsAWrongPassword() {
    ConsoleUsers users = accounts();

    assertTrue(users.authenticate("vera", "wrong").isEmpty());
    String knownIterations = hash.lastIterations();
    int afterKnown = hash.verifications();
    assertTrue(users.authenticate("nobody", "wrong").isEmpty());

    assertEquals(afterKnown + 1, hash.verifications(), "the unknown name cost no PBKDF2 check");
    assertEquals(knownIterations, hash.lastIterations());
    assertEquals("210000", hash.lastIterations());
  }

  @Test
  void plainPasswordsAreKeptOnlyAsHashesAndStillLogIn() {
    ConsoleUsers users = accounts();

    String stored = users.named("carol").orElseThrow().passwordHash();

    assertTrue(stored.startsWith("PBKDF2WithHmacSHA256:210000:"), stored);
    assertFalse(stored.contains("carol-Secret-3"));
    assertEquals(
        ConsoleRole.SALES, users.authenticate("carol", "carol-Secret-3").orElseThrow().role());
    assertEquals(
        ConsoleRole.ADMIN, users.authenticate("admin", "admin-Secret-1").orElseThrow().role());
    assertEquals(
        ConsoleRole.VIEWER, users.authenticate("vera", "viewer-Secret-7").orElseThrow().role());
  }

  @Test
  void aMistypedHashStopsTheStartNamingItsSetting() {
    Settings settings =
        new Settings()
            .with("migochat.admin.password", "admin-Secret-1")
            .with("migochat.users", "vera=viewer")
            .with("migochat.user.vera.password", "PBKDF2WithHmacSHA256:210000:not base64!:x");

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> load(settings, hash));

    assertTrue(refused.getMessage().startsWith("migochat.user.vera.password looks like a PBKDF2"));
  }

  @Test
  void aGeneratedPasswordGoesToAFileOnlyItsOwnerReadsAndNeverToTheLog(@TempDir Path folder)
      throws Exception {
    Path file = folder.resolve("data").resolve("admin-password");
    ConsoleUsers users;
    try (RecordedLog log = new RecordedLog()) {
      users = load(new Settings().with("migochat.admin.password-file", file.toString()), hash);

      String password = Files.readString(file);
      assertTrue(users.authenticate("admin", password).isPresent());
      assertFalse(log.all().contains(password), log.all());
      assertTrue(log.all().contains("with the generated password in " + file), log.all());
    }
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
  }

  @Test
  void aRestartReplacesALooserPasswordFileByAnOwnerOnlyOne(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("admin-password");
    Files.writeString(file, "the password of the last run");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    ConsoleUsers users =
        load(new Settings().with("migochat.admin.password-file", file.toString()), hash);

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(users.authenticate("admin", Files.readString(file)).isPresent());
    assertTrue(users.authenticate("admin", "the password of the last run").isEmpty());
    try (var left = Files.list(folder)) {
      assertEquals(1, left.count(), "a temporary file was left behind");
    }
  }
}
