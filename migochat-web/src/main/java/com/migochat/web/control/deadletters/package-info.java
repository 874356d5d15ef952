/**
 * Webhook events that could not be stored, for operators: {@code /api/webhook/dead-letters} lists
 * them a page at a time with where each was in its body and why, and an admin replays one once its
 * cause is fixed, which stores it as if Facebook had just delivered it.
 */
package com.migochat.web.control.deadletters;
