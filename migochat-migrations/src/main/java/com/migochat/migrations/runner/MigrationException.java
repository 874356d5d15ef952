package com.migochat.migrations.runner;

/** A migration did not reach its target; {@link #failure()} says why and what to do. */
public class MigrationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient MigrationFailure failure;

  public MigrationException(MigrationFailure failure, Throwable cause) {
    super(failure.message(), cause);
    this.failure = failure;
  }

  /** Explains a failure that did not come from a Liquibase run, e.g. a missing data source. */
  public static MigrationException unexpected(Throwable e) {
    return new MigrationException(FailureAnalysis.ofRun(e, null, false), e);
  }

  public MigrationFailure failure() {
    return failure;
  }
}
