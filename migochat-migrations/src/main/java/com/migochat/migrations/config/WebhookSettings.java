package com.migochat.migrations.config;

import java.util.Optional;

/**
 * The Messenger webhook's settings, from the Messenger app's dashboard.
 *
 * @param verifyToken {@code migochat.messenger.verify-token}: typed into the dashboard when
 *     subscribing the webhook; none refuses every subscription
 * @param appSecret {@code migochat.messenger.app-secret}: what Facebook signs every event with;
 *     none refuses every event
 * @param maxBodyBytes {@code migochat.messenger.max-body-bytes}: the largest body accepted
 */
public record WebhookSettings(
    Optional<String> verifyToken, Optional<String> appSecret, int maxBodyBytes) {

  /** The {@code migochat.messenger.max-body-bytes} default: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1_048_576;

  static WebhookSettings from(SettingReader read) {
    return new WebhookSettings(
        read.optional(SettingKeys.MESSENGER_VERIFY_TOKEN),
        read.optional(SettingKeys.MESSENGER_APP_SECRET),
        (int) read.number(SettingKeys.MESSENGER_MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES));
  }

  @Override
  public String toString() {
    return "webhook verify token "
        + (verifyToken.isPresent() ? "set" : "NOT set")
        + ", app secret "
        + (appSecret.isPresent() ? "set" : "NOT set")
        + ", bodies up to "
        + maxBodyBytes
        + " bytes";
  }
}
