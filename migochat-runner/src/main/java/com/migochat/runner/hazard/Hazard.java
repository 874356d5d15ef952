package com.migochat.runner.hazard;

/**
 * A hazard one change or statement carries, before the table's size is known.
 *
 * @param rule which hazard
 * @param table the table it locks, as the change names it; null when none is known
 * @param statement the change or SQL statement that carries it, for the reader
 */
record Hazard(HazardRule rule, String table, String statement) {}
