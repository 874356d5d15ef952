package com.migochat.web.admin;

import com.migochat.migrations.runner.HistoryVersion;
import com.migochat.migrations.runner.SchemaOverview;
import com.migochat.migrations.startup.SchemaMigrator;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@link SchemaOverview} the console, the API and the metrics show, computed again only when
 * the history changed (its {@link HistoryVersion}, one aggregate query) or is older than {@value
 * #MAX_AGE_SECONDS} seconds. Computing it reads the whole history and the changelog; with a long
 * history that is most of what a console request would cost, and concurrent requests would all
 * compute the same thing. One computation runs at a time; requests arriving meanwhile take its
 * result.
 */
@ApplicationScoped
public class SchemaOverviews {

  static final long MAX_AGE_SECONDS = 30;

  @EJB SchemaMigrator schemaMigrator;

  private SchemaOverview overview;
  private HistoryVersion version;
  private long computedAt;

  /** The overview of the schema as it is now. */
  public synchronized SchemaOverview current() {
    HistoryVersion now = schemaMigrator.runner().historyVersion();
    long age = System.nanoTime() - computedAt;
    if (overview == null
        || !Objects.equals(now, version)
        || age > Duration.ofSeconds(MAX_AGE_SECONDS).toNanos()) {
      overview = schemaMigrator.runner().overview();
      version = now;
      computedAt = System.nanoTime();
    }
    return overview;
  }

  /** Forgets the overview, after an action of this console changed the schema or history. */
  public synchronized void forget() {
    overview = null;
  }
}
