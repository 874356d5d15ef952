package com.migochat.runner.history;

import com.migochat.runner.database.Connections;

/** {@code history}: the history a page at a time, filtered and sorted by the database. */
public final class ReadHistory {

  private final Connections connections;

  public ReadHistory(Connections connections) {
    this.connections = connections;
  }

  /** The page {@code query} asks for: reads that page and a count, however long the history is. */
  public HistoryPage page(HistoryQuery query) {
    return connections.run(
        connection -> {
          ChangeLogHistory history = new ChangeLogHistory(connection);
          return new HistoryPage(
              history.page(query), query.page(), query.size(), history.count(query.filter()));
        });
  }

  /** A cheap summary of the history that changes whenever the history does; reads one row. */
  public HistoryVersion version() {
    return connections.run(connection -> new ChangeLogHistory(connection).version());
  }
}
