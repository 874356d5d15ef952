package com.migochat.runner.liquibase;

import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import liquibase.changelog.StandardChangeLogHistoryService;
import liquibase.exception.DatabaseException;

/**
 * Liquibase's {@code DATABASECHANGELOG}, except that creating it copes with instances that start at
 * the same moment. Liquibase creates the table before it takes its lock, so two instances on an
 * empty database both try, and the slower one fails its deployment with a duplicate-key error. Here
 * the loser rolls back, waits a moment and finds the table the winner created, as Liquibase already
 * does for its lock table.
 *
 * <p>Registered as a Liquibase service with a higher priority than the stock history service.
 */
public class ConcurrentSafeHistoryService extends StandardChangeLogHistoryService {

  private static final Logger LOG = Logger.getLogger(ConcurrentSafeHistoryService.class.getName());
  private static final int ATTEMPTS = 5;

  @Override
  public int getPriority() {
    return super.getPriority() + 1;
  }

  @Override
  public void init() throws DatabaseException {
    for (int attempt = 1; ; attempt++) {
      try {
        super.init();
        return;
      } catch (DatabaseException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        LOG.info("Another instance is creating DATABASECHANGELOG at the same time; trying again.");
        getDatabase().rollback();
        reset();
        pause();
      }
    }
  }

  private static void pause() throws DatabaseException {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(100, 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabaseException("Interrupted while waiting to create DATABASECHANGELOG", e);
    }
  }
}
