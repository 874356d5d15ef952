/**
 * The Messenger Platform webhook at {@code /webhook}: the subscription handshake, signed page
 * events checked against the app secret, each event's kind told first, and the kinds Migochat keeps
 * (messages, postbacks) translated into users, messages and lead activities, or set aside with
 * their position and reason when they cannot be.
 */
package com.migochat.web.messenger;
