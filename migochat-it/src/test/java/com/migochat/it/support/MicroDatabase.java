package com.migochat.it.support;

import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import com.migochat.testkit.SystemPropertiesFile;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives an Arquillian test class its own throwaway database. Declare it before Arquillian's
 * extension, so it runs first: it creates the database, writes the settings file that
 * arquillian.xml passes to Payara Micro and chooses Micro's port (see {@link ArquillianMicro});
 * after Arquillian has stopped Micro, it drops the database.
 */
public abstract class MicroDatabase implements BeforeAllCallback, AfterAllCallback {

  /** The file arquillian.xml names in {@code --systemproperties}. */
  static final Path SETTINGS = Path.of("target", "micro-arquillian.properties");

  private static ThrowawayDatabase current;

  private final Engine engine;

  MicroDatabase(Engine engine) {
    this.engine = engine;
  }

  /** The database of the test class that is running. */
  public static ThrowawayDatabase current() {
    return current;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    current = ThrowawayDatabase.create(engine);
    SystemPropertiesFile.write(MicroSettings.on(current).values(), SETTINGS);
    ArquillianMicro.choosePort();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    current.close();
    current = null;
  }

  /** A throwaway PostgreSQL database. */
  public static final class Postgres extends MicroDatabase {
    public Postgres() {
      super(Engine.POSTGRESQL);
    }
  }

  /** A throwaway H2 file database, as in the embedded default. */
  public static final class H2 extends MicroDatabase {
    public H2() {
      super(Engine.H2);
    }
  }
}
