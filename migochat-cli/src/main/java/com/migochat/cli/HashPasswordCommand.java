package com.migochat.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "hash-password",
    mixinStandardHelpOptions = true,
    header = "Print a PBKDF2 hash of a console password, to configure instead of the password.",
    description = {
      "Print a PBKDF2 hash of a console password, to put in MIGOCHAT_ADMIN_PASSWORD or",
      "MIGOCHAT_USER_<NAME>_PASSWORD instead of the password itself. Reads the password",
      "from the terminal without echo, or one line from standard input. The format is",
      "Jakarta Security's: PBKDF2WithHmacSHA256:iterations:salt:hash."
    })
class HashPasswordCommand implements Callable<Integer> {

  static final String ALGORITHM = "PBKDF2WithHmacSHA256";

  @Spec CommandSpec spec;

  @Option(
      names = "--iterations",
      defaultValue = "210000",
      description = {
        "PBKDF2 iterations (default ${DEFAULT-VALUE}). Each HTTP Basic request checks the",
        "hash again; a login form session checks it once."
      })
  int iterations;

  @Override
  public Integer call() {
    if (iterations < 10_000) {
      throw new ParameterException(
          spec.commandLine(), "--iterations below 10000 make the hash too cheap to guess");
    }
    char[] password = readPassword();
    if (password.length == 0) {
      throw new ParameterException(spec.commandLine(), "the password is empty");
    }
    spec.commandLine().getOut().println(hash(password, iterations));
    Arrays.fill(password, ' ');
    return 0;
  }

  static String hash(char[] password, int iterations) {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    try {
      byte[] hash =
          SecretKeyFactory.getInstance(ALGORITHM)
              .generateSecret(new PBEKeySpec(password, salt, iterations, 32 * 8))
              .getEncoded();
      Base64.Encoder base64 = Base64.getEncoder();
      return ALGORITHM
          + ":"
          + iterations
          + ":"
          + base64.encodeToString(salt)
          + ":"
          + base64.encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot compute " + ALGORITHM + ": " + e, e);
    }
  }

  private static char[] readPassword() {
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("Password: ");
      return typed == null ? new char[0] : typed;
    }
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return line == null ? new char[0] : line.toCharArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the password from standard input", e);
    }
  }
}
