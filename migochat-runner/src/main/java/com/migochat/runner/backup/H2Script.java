package com.migochat.runner.backup;

import com.migochat.runner.database.JdbcUrlDataSource;
import com.migochat.runner.failure.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * H2 backups: the SQL of H2's SCRIPT command for Migochat's tables, zipped, in the format RUNSCRIPT
 * reads. SCRIPT limits the tables but still writes every user (with its password hash), sequence
 * and alias of the database; only the statements about Migochat's tables are kept, with the helpers
 * H2 writes for large values.
 */
final class H2Script {

  private static final String NAME = "(?:\"(?:[^\"]|\"\")+\")";

  /** A statement on one table, as SCRIPT writes it; group 1 is the table's quoted name. */
  private static final Pattern ON_TABLE =
      Pattern.compile(
          "^(?:CREATE [A-Z ]*TABLE|ALTER TABLE|INSERT INTO|CREATE [A-Z ]*INDEX "
              + NAME
              + "\\."
              + NAME
              + " ON|COMMENT ON (?:TABLE|COLUMN)) "
              + NAME
              + "\\.("
              + NAME
              + ")");

  /** The temporary table and functions SCRIPT uses to write large values in parts. */
  private static final Pattern LARGE_VALUES =
      Pattern.compile(
          "^(?:CREATE|ALTER|INSERT|DROP)[A-Z ]* SYSTEM_(?:LOB_STREAM|COMBINE_[BC]LOB)\\b");

  private H2Script() {}

  /** Writes Migochat's tables into a new file of the folder. */
  static Path backUp(Connection connection, ApplicationTables tables, BackupFolder folder)
      throws SQLException, IOException {
    List<String> present = tables.present(connection);
    if (present.isEmpty()) {
      throw DatabaseBackup.failed(
          "the database has none of Migochat's tables",
          "nothing to back up: run upgrade first, or check migochat.db.url",
          null);
    }
    Path file = folder.newFile("zip");
    try {
      write(connection, tables, present, file);
    } catch (SQLException | IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return file;
  }

  /** Writes the tables into {@code file}, which exists, keeping its permissions. */
  static void write(
      Connection connection, ApplicationTables tables, List<String> present, Path file)
      throws SQLException, IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file));
        Writer sql = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SCRIPT TABLE " + ApplicationTables.qualified(connection.getSchema(), present))) {
      zip.putNextEntry(new ZipEntry("script.sql"));
      while (rows.next()) {
        String row = rows.getString(1);
        if (keeps(row, tables)) {
          sql.write(row);
          sql.write('\n');
        }
      }
      sql.flush();
      zip.closeEntry();
    }
  }

  private static boolean keeps(String statement, ApplicationTables tables) {
    Matcher table = ON_TABLE.matcher(statement);
    if (table.find()) {
      String quoted = table.group(1);
      return tables.includes(quoted.substring(1, quoted.length() - 1).replace("\"\"", "\""));
    }
    return statement.startsWith("--") || LARGE_VALUES.matcher(statement).find();
  }

  /**
   * Checks a backup completely without touching the database: the archive is whole (a truncated
   * file has no central directory; a damaged one fails its checksum), and its SQL runs to the end
   * in a private scratch database. Returns the tables it creates.
   */
  static List<String> check(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<? extends ZipEntry> entries = Collections.list(zip.entries());
      if (entries.isEmpty()) {
        throw damaged(file, "it holds no script");
      }
      for (ZipEntry entry : entries) {
        CRC32 crc = new CRC32();
        try (InputStream in = zip.getInputStream(entry)) {
          byte[] buffer = new byte[64 * 1024];
          for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            crc.update(buffer, 0, read);
          }
        }
        if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
          throw damaged(file, entry.getName() + " fails its checksum");
        }
      }
    } catch (IOException e) {
      throw damaged(file, "it is not a whole zip archive (" + e.getMessage() + ")");
    }
    return dryRun(file);
  }

  private static List<String> dryRun(Path file) {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("migochat-restore-check");
      JdbcUrlDataSource dataSource = new JdbcUrlDataSource();
      dataSource.setUrl("jdbc:h2:file:" + scratch.resolve("check"));
      dataSource.setUser("sa");
      List<String> tables = new ArrayList<>();
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("RUNSCRIPT FROM " + literal(file) + " COMPRESSION ZIP");
        try (ResultSet table =
            statement.executeQuery(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' AND TABLE_TYPE = 'BASE TABLE'")) {
          while (table.next()) {
            tables.add(table.getString(1));
          }
        }
      }
      return tables;
    } catch (SQLException e) {
      throw damaged(file, "its SQL does not run (" + e.getMessage().split("\n", 2)[0] + ")");
    } catch (IOException e) {
      throw DatabaseBackup.failed(
          "cannot check the backup in a temporary database: " + e.getMessage(),
          "free space in the temporary folder (java.io.tmpdir); nothing was changed",
          e);
    } finally {
      BackupFolder.deleteQuietly(scratch);
    }
  }

  static String literal(Path file) {
    return "'" + file.toString().replace("'", "''") + "'";
  }

  private static MigrationException damaged(Path file, String why) {
    return DatabaseBackup.failed(
        "the backup " + file + " is damaged: " + why,
        "restore another backup; nothing was changed",
        null);
  }
}
