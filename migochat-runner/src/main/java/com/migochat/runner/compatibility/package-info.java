/**
 * The compatibility check of a rolling upgrade: each pending changeset is read for what it takes
 * away (a dropped or renamed table or column, a changed type, a new NOT NULL) and compared with
 * what the live instances of other releases map, as the instance registry records it. A changeset
 * that breaks none is <em>expand</em>; one that breaks some is <em>contract</em>, and must say so
 * with the label {@code contract}, or the upgrade is refused.
 */
package com.migochat.runner.compatibility;
