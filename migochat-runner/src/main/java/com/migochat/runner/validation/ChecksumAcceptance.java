package com.migochat.runner.validation;

import java.time.Instant;
import java.util.List;

/**
 * Checksums of older Liquibase versions replaced by today's, each recorded in {@code
 * DATABASECHANGELOG_AUDIT}.
 *
 * @param accepted the replaced checksums, oldest changeset first; empty when there were none
 * @param actor who accepted them (user and host)
 * @param reason why, as given
 * @param at when
 */
public record ChecksumAcceptance(
    List<OutdatedChecksum> accepted, String actor, String reason, Instant at) {

  public ChecksumAcceptance {
    accepted = List.copyOf(accepted);
  }
}
