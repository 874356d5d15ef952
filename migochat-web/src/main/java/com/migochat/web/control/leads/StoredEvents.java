package com.migochat.web.control.leads;

import java.util.List;

/**
 * What storing one webhook body did.
 *
 * @param messages messages stored now
 * @param redelivered messages that were stored before, or earlier in the same body (Facebook
 *     redelivers until it gets a 200)
 * @param activities lead activities recorded
 * @param newUsers users seen for the first time
 * @param deadLetters the id of the dead letter of each event that could not be read, in the order
 *     of the body (an id kept before when the same event came again)
 */
public record StoredEvents(
    int messages, int redelivered, int activities, int newUsers, List<Long> deadLetters) {}
