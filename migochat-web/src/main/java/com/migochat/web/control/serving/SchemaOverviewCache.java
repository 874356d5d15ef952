package com.migochat.web.control.serving;

import com.migochat.migrations.startup.SchemaMigrator;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.history.HistoryVersion;
import com.migochat.runner.status.SchemaOverview;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cache of the {@link SchemaOverview} that the console, the API and the metrics show: computed
 * again only when the history changed (its {@link HistoryVersion}, one aggregate query) or is older
 * than {@value #MAX_AGE_SECONDS} seconds. Computing it reads the whole history and the changelog;
 * with a long history that is most of what a console request would cost, and concurrent requests
 * would all compute the same thing. One computation runs at a time; requests arriving meanwhile
 * take its result.
 *
 * <p>Metric scrapes must never wait for that, nor for the database: they read {@link #lastKnown()},
 * which returns at once and refreshes in the background.
 */
@ApplicationScoped
public class SchemaOverviewCache {

  static final long MAX_AGE_SECONDS = 30;

  private static final Logger LOG = Logger.getLogger(SchemaOverviewCache.class.getName());

  @EJB SchemaMigrator schemaMigrator;

  @Resource ManagedExecutorService background;

  private SchemaOverview overview;
  private HistoryVersion version;
  private long computedAt;

  /** The last overview computed (null after a failed computation), and when. */
  private record Latest(SchemaOverview overview, long computedAt) {}

  private volatile Latest latest;
  private final AtomicBoolean refreshing = new AtomicBoolean();

  /** The overview of the schema as it is now. */
  public synchronized SchemaOverview current() {
    try {
      HistoryVersion now = schemaMigrator.runner().historyVersion();
      long age = System.nanoTime() - computedAt;
      if (overview == null || !Objects.equals(now, version) || age > maxAge()) {
        overview = schemaMigrator.runner().overview();
        version = now;
        computedAt = System.nanoTime();
      }
      latest = new Latest(overview, System.nanoTime());
      return overview;
    } catch (MigrationException e) {
      latest = new Latest(null, System.nanoTime());
      throw e;
    }
  }

  /**
   * The overview last computed, without waiting for anything: empty before the first computation or
   * when the last one failed. When it is older than {@value #MAX_AGE_SECONDS} seconds, one refresh
   * starts in the background.
   */
  public Optional<SchemaOverview> lastKnown() {
    Latest seen = latest;
    if ((seen == null || System.nanoTime() - seen.computedAt() > maxAge())
        && refreshing.compareAndSet(false, true)) {
      try {
        background.execute(this::refresh);
      } catch (RejectedExecutionException e) {
        refreshing.set(false);
      }
    }
    return seen == null ? Optional.empty() : Optional.ofNullable(seen.overview());
  }

  private void refresh() {
    try {
      current();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Could not refresh the schema overview for the metrics", e);
    } finally {
      refreshing.set(false);
    }
  }

  /** Forgets the overview, after an action of this console changed the schema or history. */
  public synchronized void forget() {
    overview = null;
  }

  private static long maxAge() {
    return Duration.ofSeconds(MAX_AGE_SECONDS).toNanos();
  }
}
