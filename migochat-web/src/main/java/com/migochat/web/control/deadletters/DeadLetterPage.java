package com.migochat.web.control.deadletters;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page of dead letters, newest first.
 *
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many dead letters there are in all
 * @param waiting how many of them were not replayed yet
 * @param letters this page's dead letters
 */
public record DeadLetterPage(int page, int size, long total, long waiting, List<Letter> letters) {

  /**
   * A webhook event kept because it could not be stored.
   *
   * @param id what to replay it by
   * @param position where it was in its body, e.g. {@code entry[0].messaging[3]}
   * @param reason what was wrong and where
   * @param event the event as JSON
   * @param replayedAt when it was stored after all, or null
   */
  public record Letter(
      long id,
      OffsetDateTime receivedAt,
      String position,
      String reason,
      String event,
      OffsetDateTime replayedAt) {}
}
