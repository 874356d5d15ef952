/**
 * What the outside sees of whether Migochat serves: the gate that answers 503 while the schema is
 * not at head, MicroProfile readiness (DOWN until then) and liveness (UP while the process runs),
 * each with a stable code and the changeset only, since anyone can read them (the details are
 * behind the console's login); and MicroProfile Metrics of the migration's duration, applied and
 * pending changesets, read from memory without touching the database. Where the server lacks
 * MicroProfile Health or Metrics, the log says once what is off.
 */
package com.migochat.web.boundary.serving;
