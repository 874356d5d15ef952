package com.migochat.it.server;

import com.migochat.it.support.Artifacts;

/**
 * The EAR, unchanged, on Open Liberty with {@code jakartaee-10.0} and MicroProfile Config, Health
 * and Metrics, configured as the README says: a shared library for the data source's class.
 */
class EarOnLibertyIT extends EarDeploymentContract {

  @Override
  EarServer newServer() {
    return new LibertyServer(Artifacts.libertyHome(), "migochat", Artifacts.ear());
  }
}
