package com.migochat.it.support;

import java.util.List;

/** The history every fresh database must end with, written out so a test notices any change. */
public final class ExpectedHistory {

  /** Migochat's changesets, in the order they must run. */
  public static final List<String> CHANGESET_IDS =
      List.of(
          "20250115_0900_initial_schema",
          "20250303_1030_add_email_to_users",
          "20250412_1415_add_lead_tags",
          "20250527_1100_add_full_name_to_users",
          "20261129_1000_add_webhook_dead_letters",
          "20261129_1010_widen_message_text");

  private ExpectedHistory() {}
}
