/**
 * The Messenger Platform webhook at {@code /webhook}: the subscription handshake, signed page
 * events checked against the app secret, and their translation into users, messages and lead
 * activities.
 */
package com.migochat.web.messenger;
