package com.migochat.runner.downgrade;

/** Whether a downgrade may drop columns and tables that hold data. */
public enum DataLoss {
  /** A rollback that would drop data is refused, unless its changeset says nothing is lost. */
  REFUSE,
  /** Everything is rolled back; what was lost is reported ({@code --allow-data-loss}). */
  ALLOW
}
