package com.migochat.web.control.leads;

/**
 * An event of a kind Migochat stores that cannot be stored as it is, kept as a dead letter.
 *
 * @param position where it was in its body, e.g. {@code entry[0].messaging[3]}
 * @param reason what is wrong and where, e.g. {@code entry[0].messaging[3].sender: missing, or not
 *     an object}
 * @param json the event as JSON
 */
public record RejectedEvent(String position, String reason, String json) {}
