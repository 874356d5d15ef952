package com.migochat.runner.hazard;

/**
 * The lock hazards Migochat recognises. The ids are stable: changesets opt in by naming them in the
 * label {@code allow-hazard:<id>}, and logs, the console and scripts show them.
 */
public enum HazardRule {
  INDEX_NOT_CONCURRENT(
      "index-not-concurrent",
      "an index created or dropped without CONCURRENTLY (Liquibase's createIndex and dropIndex"
          + " never are)",
      "SHARE while an index is built (ACCESS EXCLUSIVE while one is dropped)",
      "every INSERT, UPDATE and DELETE on the table for the whole build (every statement, reads"
          + " too, for a drop)",
      "<sql>CREATE INDEX CONCURRENTLY …</sql> (or DROP INDEX CONCURRENTLY) in a changeset of its"
          + " own with runInTransaction=\"false\""),
  COLUMN_VOLATILE_DEFAULT(
      "column-volatile-default",
      "a column added with a volatile default (random(), gen_random_uuid(), clock_timestamp(), a"
          + " sequence, an auto-increment)",
      "ACCESS EXCLUSIVE while the whole table is rewritten",
      "every statement on the table, reads too",
      "add the column without a default (or with a constant one), set the default for new rows"
          + " with ALTER COLUMN … SET DEFAULT, and fill existing rows in batches"),
  COLUMN_NOT_NULL_NO_DEFAULT(
      "column-not-null-no-default",
      "a NOT NULL column added without a default: it fails on any row, after waiting for its lock",
      "ACCESS EXCLUSIVE",
      "every statement on the table, reads too",
      "add the column nullable (or with a constant default), backfill it in batches, then make it"
          + " NOT NULL as set-not-null says"),
  SET_NOT_NULL(
      "set-not-null",
      "SET NOT NULL (addNotNullConstraint) on an existing column: the whole table is scanned",
      "ACCESS EXCLUSIVE for the whole scan",
      "every statement on the table, reads too",
      "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; then, in another changeset, VALIDATE"
          + " CONSTRAINT c (SHARE UPDATE EXCLUSIVE: writes go on); then SET NOT NULL, which uses"
          + " the validated check instead of a scan, and DROP CONSTRAINT c"),
  CONSTRAINT_WITHOUT_NOT_VALID(
      "constraint-without-not-valid",
      "a foreign key or check constraint added without NOT VALID: every row is checked under the"
          + " lock",
      "SHARE ROW EXCLUSIVE on both tables (foreign key) or ACCESS EXCLUSIVE (check) for the whole"
          + " scan",
      "every write to the table (and to the referenced table, for a foreign key); every read too"
          + " for a check",
      "ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT … in a later changeset (SHARE UPDATE"
          + " EXCLUSIVE: reads and writes go on)"),
  UNIQUE_WITHOUT_INDEX(
      "unique-without-index",
      "a unique constraint or primary key added without an index built concurrently beforehand",
      "ACCESS EXCLUSIVE while its index is built",
      "every statement on the table, reads too",
      "CREATE UNIQUE INDEX CONCURRENTLY i … (runInTransaction=\"false\"), then ADD CONSTRAINT c"
          + " UNIQUE USING INDEX i (or forIndexName=\"i\" in Liquibase)"),
  COLUMN_TYPE_REWRITE(
      "column-type-rewrite",
      "a column type change that rewrites the table (anything but widening a varchar or making it"
          + " text)",
      "ACCESS EXCLUSIVE while the whole table and its indexes are rewritten",
      "every statement on the table, reads too",
      "add a column of the new type, fill it in batches (and keep it filled with a trigger),"
          + " switch readers to it, then drop the old column in a later release"),
  TABLE_REWRITE(
      "table-rewrite",
      "VACUUM FULL, CLUSTER, or REINDEX without CONCURRENTLY",
      "ACCESS EXCLUSIVE (REINDEX: SHARE on the table, ACCESS EXCLUSIVE on the index)",
      "every statement on the table, reads too (REINDEX: writes, and reads using the index)",
      "pg_repack outside the migration instead of VACUUM FULL or CLUSTER; REINDEX … CONCURRENTLY"
          + " in a changeset with runInTransaction=\"false\""),
  TRUNCATE_CASCADE(
      "truncate-cascade",
      "TRUNCATE … CASCADE: also empties every table that references it, however far",
      "ACCESS EXCLUSIVE on the table and on every table the cascade reaches",
      "every statement on all those tables, reads too",
      "name each table to empty explicitly, or DELETE in batches"),
  WHOLE_TABLE_DML(
      "whole-table-dml",
      "an UPDATE or DELETE of every row in one transaction (update/delete without a where, or"
          + " addNotNullConstraint's defaultNullValue)",
      "ROW EXCLUSIVE, and a row lock on every row until the changeset commits",
      "every write to any of those rows, for as long as the changeset runs",
      "update or delete in bounded batches (by key ranges) in short transactions, outside one"
          + " big changeset"),
  DROP_COLUMN(
      "drop-column",
      "a column dropped while the previous release may still run and read it",
      "ACCESS EXCLUSIVE (brief)",
      "every statement on the table while it waits; the previous release's queries of the"
          + " column fail afterwards",
      "release code that no longer reads the column first (JPA: remove the field), then drop it"
          + " in a later release"),
  RENAME_COLUMN(
      "rename-column",
      "a column renamed while the previous release may still use the old name",
      "ACCESS EXCLUSIVE (brief)",
      "every statement on the table while it waits; the previous release's queries fail"
          + " afterwards",
      "add the new column, write both, backfill, switch readers, drop the old one in a later"
          + " release (or a view with the old name meanwhile)"),
  DROP_TABLE(
      "drop-table",
      "a table dropped while the previous release may still use it",
      "ACCESS EXCLUSIVE",
      "every statement on the table while it waits; the previous release's queries fail"
          + " afterwards",
      "release code that no longer uses the table first, then drop it in a later release"),
  RENAME_TABLE(
      "rename-table",
      "a table renamed while the previous release may still use the old name",
      "ACCESS EXCLUSIVE (brief)",
      "every statement on the table while it waits; the previous release's queries fail"
          + " afterwards",
      "create a view with the old name in the same changeset, drop it in a later release"),
  UNPARSED_STATEMENT(
      "unparsed-statement",
      "an SQL statement JSqlParser cannot parse: not checked (informational only)",
      "unknown",
      "unknown",
      "check it by hand; the safe forms CREATE INDEX CONCURRENTLY and ADD CONSTRAINT … NOT VALID"
          + " are among the statements JSqlParser 5.3 cannot parse");

  private final String id;
  private final String catches;
  private final String lock;
  private final String blocks;
  private final String rewrite;

  HazardRule(String id, String catches, String lock, String blocks, String rewrite) {
    this.id = id;
    this.catches = catches;
    this.lock = lock;
    this.blocks = blocks;
    this.rewrite = rewrite;
  }

  /** The stable id, as in {@code allow-hazard:<id>}. */
  public String id() {
    return id;
  }

  public String catches() {
    return catches;
  }

  /** The lock the statement takes. */
  public String lock() {
    return lock;
  }

  /** What waits behind that lock. */
  public String blocks() {
    return blocks;
  }

  /** How to do the same without the hazard. */
  public String rewrite() {
    return rewrite;
  }

  /** The label a changeset carries to run despite this hazard on a big table. */
  public String optInLabel() {
    return "allow-hazard:" + id;
  }
}
