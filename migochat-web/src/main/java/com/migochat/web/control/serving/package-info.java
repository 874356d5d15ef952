/**
 * Whether Migochat may serve (only when the schema is at head and the entities match it) and why
 * not, and the cache of the schema overview that the console, the API and the metrics share.
 */
package com.migochat.web.control.serving;
