package com.migochat.runner.settings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The application's MicroProfile Config, reached by reflection: the core does not depend on
 * MicroProfile, and a server without it (GlassFish 7 ships the API without an implementation) must
 * still deploy the application.
 */
final class MicroProfileSettings implements SettingSource {

  private static final String PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";
  private static final String CONFIG = "org.eclipse.microprofile.config.Config";

  private final Object config;
  private final Method optionalValue;

  private MicroProfileSettings(Object config, Method optionalValue) {
    this.config = config;
    this.optionalValue = optionalValue;
  }

  /**
   * The MicroProfile Config of the application whose class loader is {@code application}.
   *
   * @throws ReflectiveOperationException when the server has no MicroProfile Config API, or an API
   *     without an implementation; the exception says which
   */
  static MicroProfileSettings of(ClassLoader application) throws ReflectiveOperationException {
    Class<?> provider = Class.forName(PROVIDER, true, application);
    Class<?> configType = Class.forName(CONFIG, false, application);
    Object config = provider.getMethod("getConfig", ClassLoader.class).invoke(null, application);
    return new MicroProfileSettings(
        config, configType.getMethod("getOptionalValue", String.class, Class.class));
  }

  @Override
  public Optional<String> value(String key) {
    try {
      return ((Optional<?>) optionalValue.invoke(config, key, String.class))
          .map(String.class::cast)
          .filter(text -> !text.isBlank());
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "MicroProfile Config cannot read " + key + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("MicroProfile Config cannot be called: " + e, e);
    }
  }
}
