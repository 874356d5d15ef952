package com.migochat.runner.backup;

import com.migochat.runner.database.DatabaseLogin;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * How pg_dump, pg_restore and psql reach the database the JDBC URL names: libpq's environment
 * variables, read from the URL by the PostgreSQL driver's own parser, so that every URL the
 * application connects with (several hosts, IPv6 addresses, SSL settings) is one the tools connect
 * with too. The password goes into the environment, never onto a command line, where {@code ps}
 * would show it to every user of the machine.
 *
 * @param variables {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code
 *     PGPASSWORD}, {@code PGSSLMODE} and the other settings the URL gives
 * @param database the database's name
 */
record PostgresEnvironment(Map<String, String> variables, String database) {

  /** JDBC URL parameters with the libpq variable of the same meaning. */
  private static final Map<String, String> SAME_MEANING =
      Map.of(
          "sslmode", "PGSSLMODE",
          "sslrootcert", "PGSSLROOTCERT",
          "sslcert", "PGSSLCERT",
          "sslkey", "PGSSLKEY",
          "gssEncMode", "PGGSSENCMODE",
          "channelBinding", "PGCHANNELBINDING",
          "connectTimeout", "PGCONNECT_TIMEOUT",
          "ApplicationName", "PGAPPNAME",
          "options", "PGOPTIONS");

  /** pgjdbc's targetServerType values, as libpq's target_session_attrs. */
  private static final Map<String, String> TARGET_SESSION =
      Map.of(
          "any", "any",
          "primary", "primary",
          "master", "primary",
          "secondary", "standby",
          "slave", "standby",
          "preferSecondary", "prefer-standby",
          "preferSlave", "prefer-standby");

  /** The variables for {@code login}; its user and password win over the URL's. */
  static PostgresEnvironment of(DatabaseLogin login) {
    Properties parsed = login.url().postgresProperties();
    String user = login.user();
    String password = login.password();
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("PGHOST", hosts(parsed.getProperty("PGHOST", "")));
    variables.put("PGPORT", parsed.getProperty("PGPORT"));
    String database = parsed.getProperty("PGDBNAME");
    if (database != null) {
      variables.put("PGDATABASE", database);
    }
    putIfGiven(
        variables, "PGUSER", user == null || user.isEmpty() ? parsed.getProperty("user") : user);
    putIfGiven(
        variables,
        "PGPASSWORD",
        password == null || password.isEmpty() ? parsed.getProperty("password") : password);
    SAME_MEANING.forEach(
        (parameter, variable) -> putIfGiven(variables, variable, parsed.getProperty(parameter)));
    if (!variables.containsKey("PGSSLMODE") && Boolean.parseBoolean(parsed.getProperty("ssl"))) {
      // The driver's ssl=true without a mode checks the certificate and the host name.
      variables.put("PGSSLMODE", "verify-full");
    }
    putIfGiven(
        variables,
        "PGTARGETSESSIONATTRS",
        TARGET_SESSION.get(parsed.getProperty("targetServerType", "")));
    return new PostgresEnvironment(Map.copyOf(variables), database == null ? "" : database);
  }

  /**
   * These variables for a tool that writes: unless the URL chose the kind of server, of several
   * hosts the one that accepts writes (a standby would fail the restore, which then changes
   * nothing, but only after trying).
   */
  PostgresEnvironment forWriting() {
    if (variables.containsKey("PGTARGETSESSIONATTRS")) {
      return this;
    }
    Map<String, String> writing = new LinkedHashMap<>(variables);
    writing.put("PGTARGETSESSIONATTRS", "read-write");
    return new PostgresEnvironment(Map.copyOf(writing), database);
  }

  /** Without the password, which must never reach a log. */
  @Override
  public String toString() {
    Map<String, String> shown = new LinkedHashMap<>(variables);
    shown.computeIfPresent("PGPASSWORD", (name, secret) -> "***");
    return "PostgresEnvironment" + shown;
  }

  /** libpq takes IPv6 addresses without brackets; the driver's default host is localhost. */
  private static String hosts(String jdbcHosts) {
    return Arrays.stream(jdbcHosts.split(",", -1))
        .map(host -> host.isEmpty() ? "localhost" : host.replaceAll("^\\[(.*)]$", "$1"))
        .collect(Collectors.joining(","));
  }

  private static void putIfGiven(Map<String, String> variables, String name, String value) {
    if (value != null && !value.isEmpty()) {
      variables.put(name, value);
    }
  }
}
