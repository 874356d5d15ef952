package com.migochat.runner.batch;

/**
 * What a batched update did in one run.
 *
 * @param rows the rows it updated
 * @param batches the batches, each committed on its own
 */
record BatchesDone(long rows, int batches) {}
