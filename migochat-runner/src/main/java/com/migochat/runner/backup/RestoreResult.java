package com.migochat.runner.backup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A restore that was done.
 *
 * @param file the backup that was restored
 * @param replacedContent where Migochat's tables were saved before the restore replaced them: on
 *     H2, which cannot replace tables in one transaction and puts this back if the restore fails;
 *     null on PostgreSQL, where a failed restore changes nothing, and when there was nothing to
 *     save
 * @param took how long it took
 */
public record RestoreResult(Path file, Path replacedContent, Duration took) {}
