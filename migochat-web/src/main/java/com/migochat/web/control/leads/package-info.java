/**
 * Lead storage: what users send through Messenger, stored (users by page-scoped id, messages once
 * per Messenger message id, lead activities, and the events that could not be read as dead letters)
 * from the {@code MessagingEvent}s and {@code RejectedEvent}s it is given, and the leads read back
 * a page at a time for {@code /api/leads}.
 */
package com.migochat.web.control.leads;
