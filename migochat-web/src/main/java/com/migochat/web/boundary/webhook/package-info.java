/**
 * The Messenger Platform webhook at {@code /webhook}: the subscription handshake against the verify
 * token, and page events accepted only with the app secret's signature, then read by {@code
 * control.messenger} and stored by {@code control.leads} in one transaction.
 */
package com.migochat.web.boundary.webhook;
