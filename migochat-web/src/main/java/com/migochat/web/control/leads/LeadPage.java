package com.migochat.web.control.leads;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page of leads, newest first.
 *
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many leads there are in all
 * @param leads this page's leads
 */
public record LeadPage(int page, int size, long total, List<Lead> leads) {

  /** A user who wrote to the page, with their tags and what they did last. */
  public record Lead(
      String psid,
      String fullName,
      String email,
      OffsetDateTime firstSeen,
      List<String> tags,
      Activity latestActivity) {}

  /** A lead activity; {@code null} in a lead that has none. */
  public record Activity(String type, String details, OffsetDateTime at) {}
}
