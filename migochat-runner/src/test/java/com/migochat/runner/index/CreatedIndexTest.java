package com.migochat.runner.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The index a statement creates is read as PostgreSQL reads the statement's head. */
class CreatedIndexTest {

  @Test
  void readsTheNameAndTableOfEveryFormOfCreateIndex() {
    assertEquals(
        Optional.of(new CreatedIndex("leads_email_uq", "leads", true)),
        CreatedIndex.readFrom("CREATE UNIQUE INDEX CONCURRENTLY leads_email_uq ON leads (email)"));
    assertEquals(
        Optional.of(new CreatedIndex("leads_score_idx", "public.leads", false)),
        CreatedIndex.readFrom(
            "create index if not exists Leads_Score_Idx on only Public.LEADS(x)"));
    assertEquals(
        Optional.of(new CreatedIndex("Mixed \"Case\"", "\"Sales\".\"Leads\"", true)),
        CreatedIndex.readFrom(
            "-- why\n/* a /* nested */ comment */ CREATE INDEX CONCURRENTLY IF NOT EXISTS"
                + " \"Mixed \"\"Case\"\"\" ON \"Sales\".\"Leads\" USING gin (tags)"));
  }

  @Test
  void readsNothingFromOtherStatementsOrIndexesPostgresNames() {
    assertEquals(Optional.empty(), CreatedIndex.readFrom("CREATE INDEX ON leads (email)"));
    assertEquals(
        Optional.empty(), CreatedIndex.readFrom("CREATE INDEX CONCURRENTLY ON leads (email)"));
    assertEquals(Optional.empty(), CreatedIndex.readFrom("DROP INDEX CONCURRENTLY leads_email_uq"));
    assertEquals(Optional.empty(), CreatedIndex.readFrom("CREATE TABLE index (id int)"));
    assertEquals(Optional.empty(), CreatedIndex.readFrom(""));
  }
}
