package com.migochat.runner.backup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A backup or restore that was done.
 *
 * @param file the backup file
 * @param bytes its size
 * @param took how long it took
 */
public record BackupResult(Path file, long bytes, Duration took) {}
