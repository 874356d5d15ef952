package com.migochat.web.messenger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhook's settings, from the Messenger app's dashboard. Without them the webhook refuses
 * everything and says which setting is missing.
 *
 * <ul>
 *   <li>{@code migochat.messenger.verify-token} ({@code MIGOCHAT_MESSENGER_VERIFY_TOKEN}): the
 *       token typed into the dashboard when subscribing the webhook; no default.
 *   <li>{@code migochat.messenger.app-secret} ({@code MIGOCHAT_MESSENGER_APP_SECRET}): the app
 *       secret Facebook signs every event with; no default.
 *   <li>{@code migochat.messenger.max-body-bytes} ({@code MIGOCHAT_MESSENGER_MAX_BODY_BYTES}): the
 *       largest event body accepted, default 1 MiB (Facebook batches up to 1000 events).
 * </ul>
 */
@ApplicationScoped
public class MessengerSettings {

  @Inject
  @ConfigProperty(name = "migochat.messenger.verify-token")
  Optional<String> verifyToken;

  @Inject
  @ConfigProperty(name = "migochat.messenger.app-secret")
  Optional<String> appSecret;

  @Inject
  @ConfigProperty(name = "migochat.messenger.max-body-bytes", defaultValue = "1048576")
  int maxBodyBytes;

  Optional<String> verifyToken() {
    return verifyToken.filter(token -> !token.isBlank());
  }

  Optional<String> appSecret() {
    return appSecret.filter(secret -> !secret.isBlank());
  }

  int maxBodyBytes() {
    return maxBodyBytes;
  }
}
