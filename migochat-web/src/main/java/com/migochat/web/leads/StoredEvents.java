package com.migochat.web.leads;

/**
 * What storing one webhook body did.
 *
 * @param messages messages stored now
 * @param redelivered messages that were stored before (Facebook redelivers until it gets a 200)
 * @param activities lead activities recorded
 * @param newUsers users seen for the first time
 */
public record StoredEvents(int messages, int redelivered, int activities, int newUsers) {}
