package com.migochat.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.IntSupplier;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code hash-password} writes Jakarta Security's PBKDF2 format, salted anew each time, from a
 * password read on standard input. (That Payara accepts it is proven by {@code ConsoleInBrowserIT},
 * whose viewer logs in with such a hash.)
 */
class HashPasswordTest {

  @Test
  void thePasswordOnStandardInputComesOutAsASaltedPbkdf2Hash() throws Exception {
    String first = hashOf("s3cret-Pass");
    String second = hashOf("s3cret-Pass");

    String[] parts = first.split(":");
    assertEquals(4, parts.length, first);
    assertEquals("PBKDF2WithHmacSHA256", parts[0]);
    assertEquals("210000", parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec("s3cret-Pass".toCharArray(), salt, 210000, 256))
            .getEncoded();
    assertArrayEquals(expected, Base64.getDecoder().decode(parts[3]));
    assertNotEquals(first.split(":")[2], second.split(":")[2], "the same salt twice");
  }

  @Test
  void tooFewIterationsAreRefused() throws Exception {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new MigochatCli()).setErr(new PrintWriter(err));

    int exit = withInput("x\n", () -> cli.execute("hash-password", "--iterations", "1000"));

    assertEquals(2, exit);
    assertTrue(err.toString().contains("too cheap to guess"), err.toString());
  }

  private static String hashOf(String password) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new MigochatCli()).setOut(new PrintWriter(out));
    assertEquals(0, withInput(password + "\n", () -> cli.execute("hash-password")));
    return out.toString().strip();
  }

  private static int withInput(String text, IntSupplier run) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    try {
      return run.getAsInt();
    } finally {
      System.setIn(original);
    }
  }
}
