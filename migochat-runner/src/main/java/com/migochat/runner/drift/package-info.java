/**
 * Live schema drift: what was changed in a database by hand, outside migrations. The live schema is
 * compared with a scratch database built from exactly the changesets the live one applied (not the
 * changelog's head), so a pending changeset is never reported as drift.
 */
package com.migochat.runner.drift;
