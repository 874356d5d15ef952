package com.migochat.it.support;

import com.migochat.testkit.FreePorts;

/**
 * The Payara Micro that Arquillian starts from arquillian.xml, and the HTTP port it listens on.
 *
 * <p>arquillian.xml passes {@code --port ${migochat.it.arquillian.port}}, a system property of this
 * JVM. Arquillian reads arquillian.xml once per JVM, when its extension first runs, so the port is
 * chosen free (see {@link FreePorts}) once, before that, by {@link MicroDatabase}; each Arquillian
 * test class of the run then starts its Micro on it in turn, after the previous one stopped.
 */
public final class ArquillianMicro {

  /** The system property arquillian.xml reads the port from. */
  static final String PORT_PROPERTY = "migochat.it.arquillian.port";

  private ArquillianMicro() {}

  /** Chooses the port, unless this JVM has one already (given with -D, or chosen before). */
  static synchronized void choosePort() {
    if (System.getProperty(PORT_PROPERTY) == null) {
      System.setProperty(PORT_PROPERTY, Integer.toString(FreePorts.pick()));
    }
  }

  /** {@code path} on Arquillian's Micro, e.g. {@code url("migochat/")}. */
  public static String url(String path) {
    String port = System.getProperty(PORT_PROPERTY);
    if (port == null) {
      throw new IllegalStateException(
          "No port chosen for Arquillian's Payara Micro: extend the test class with MicroDatabase"
              + " before ArquillianExtension");
    }
    return "http://127.0.0.1:" + port + "/" + path;
  }
}
