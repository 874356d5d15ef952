package com.migochat.cli;

import com.migochat.runner.changeset.SqlPreview;
import java.io.PrintWriter;

/** How {@code upgrade --sql} and {@code downgrade --sql} print their preview. */
final class SqlPrinting {

  private SqlPrinting() {}

  static void print(PrintWriter out, DatabaseOptions database, SqlPreview preview) {
    Printer.print(
        out,
        database,
        preview,
        text -> {
          if (preview.changeSets().isEmpty()) {
            text.println(
                "-- Nothing to do: no changeset lies between the database and the target.");
          } else {
            text.print(preview.sql());
          }
        });
  }
}
