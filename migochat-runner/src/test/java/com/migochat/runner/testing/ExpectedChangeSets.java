package com.migochat.runner.testing;

import java.util.List;

/**
 * The history every fresh database must end with, written out once for every test (the runner's,
 * the CLI's and the system tests), so that any change to the shipped changelog is noticed.
 */
public final class ExpectedChangeSets {

  /** Migochat's changesets, in the order they must run. */
  public static final List<String> IDS =
      List.of(
          "20250115_0900_initial_schema",
          "20250303_1030_add_email_to_users",
          "20250412_1415_add_lead_tags",
          "20250527_1100_add_full_name_to_users",
          "20261129_1000_add_webhook_dead_letters",
          "20261129_1010_widen_message_text");

  /** The changeset that derives full_name from the first and last names. */
  public static final String FULL_NAME = "20250527_1100_add_full_name_to_users";

  private ExpectedChangeSets() {}
}
