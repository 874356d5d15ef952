/**
 * The Migochat domain as JPA entities: Messenger users who become leads, the messages exchanged
 * with them, what they did (lead activities), how the sales team labels them (lead tags), and the
 * webhook events that could not be stored (dead letters).
 *
 * <p>The entities describe the schema that the changelog in {@code migochat-migrations} builds;
 * they never create it. When an entity changes, a changeset must change the schema with it.
 */
package com.migochat.model;
