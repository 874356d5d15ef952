package com.migochat.runner.liquibase;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import liquibase.changelog.OfflineChangeLogHistoryService;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.exception.DatabaseException;
import liquibase.util.csv.CSVReader;

/**
 * Liquibase 4.33's offline history (a CSV file standing in for {@code DATABASECHANGELOG}), less two
 * faults that make its scripts differ from a live run. Writing a changeset's history row both into
 * the script and into the file drew two order numbers, so a script from an empty database recorded
 * 1, 3, 5, … where a live update records 1, 2, 3. And rows read back from the file lacked the
 * stored file path, so reading a changelog with includes against a file with rows failed with a
 * NullPointerException. Here the next order number is always one more than the largest in the file,
 * and the rows read back carry their path and order.
 */
final class OfflineHistoryFile extends OfflineChangeLogHistoryService {

  /** The column of the order number in Liquibase's history file. */
  private static final int ORDER_EXECUTED = 4;

  private final File file;

  OfflineHistoryFile(Database database, File file) {
    super(database, file, true, true);
    this.file = file.getAbsoluteFile();
  }

  @Override
  public List<RanChangeSet> getRanChangeSets() throws DatabaseException {
    List<RanChangeSet> ran = super.getRanChangeSets();
    for (int index = 0; index < ran.size(); index++) {
      RanChangeSet changeSet = ran.get(index);
      changeSet.setStoredChangeLog(changeSet.getChangeLog());
      changeSet.setOrderExecuted(index + 1);
    }
    return ran;
  }

  @Override
  public int getNextSequenceValue() throws DatabaseException {
    if (!file.exists()) {
      return 1;
    }
    int largest = 0;
    // Closing the reader closes the CSV reader around it, whose own close() throws Exception.
    try (Reader reader = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
      CSVReader rows = new CSVReader(reader);
      rows.readNext();
      for (String[] row = rows.readNext(); row != null; row = rows.readNext()) {
        if (row.length > ORDER_EXECUTED && row[ORDER_EXECUTED].matches("\\d+")) {
          largest = Math.max(largest, Integer.parseInt(row[ORDER_EXECUTED]));
        }
      }
    } catch (IOException e) {
      throw new DatabaseException("Cannot read the offline history " + file, e);
    }
    return largest + 1;
  }
}
