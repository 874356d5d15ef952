/**
 * Reading Messenger's page events: each event's kind told first, and the kinds Migochat keeps
 * (messages, postbacks) read into the lead storage's {@code MessagingEvent}s, or set aside as
 * {@code RejectedEvent}s with their position and reason when they cannot be stored.
 */
package com.migochat.web.control.messenger;
