package com.migochat.it.server;

import com.migochat.it.support.Artifacts;
import com.migochat.testkit.FreePorts;

/** The EAR, unchanged, on a full Payara Server 6, which has every MicroProfile API it uses. */
class EarOnPayaraServerIT extends EarDeploymentContract {

  @Override
  EarServer newServer() {
    return AsadminDomain.create(
        "Payara Server 6.2025.10",
        true,
        Artifacts.payaraServerHome(),
        "migochat-payara",
        FreePorts.block(100));
  }
}
