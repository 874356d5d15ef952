package com.migochat.runner.history;

import com.migochat.runner.changeset.ChangeSetRun;
import java.util.List;

/**
 * One page of the history, newest first.
 *
 * @param runs the rows of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many rows the whole history has
 */
public record HistoryPage(List<ChangeSetRun> runs, int page, int size, long total) {

  public HistoryPage {
    runs = List.copyOf(runs);
  }
}
