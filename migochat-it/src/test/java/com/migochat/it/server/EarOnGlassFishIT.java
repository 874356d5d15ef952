package com.migochat.it.server;

import com.migochat.it.support.Artifacts;
import com.migochat.testkit.FreePorts;

/**
 * The EAR, unchanged, on GlassFish 7, which has no MicroProfile Health or Metrics and the
 * MicroProfile Config API without an implementation: no readiness to check, the settings come from
 * the environment.
 */
class EarOnGlassFishIT extends EarDeploymentContract {

  @Override
  EarServer newServer() {
    return AsadminDomain.create(
        "GlassFish 7.0.20",
        false,
        Artifacts.glassFishHome(),
        "migochat-glassfish",
        FreePorts.block(100));
  }
}
