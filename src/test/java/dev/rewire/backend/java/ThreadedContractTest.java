package dev.rewire.backend.java;

import dev.rewire.backend.Backend;
import dev.rewire.backend.BackendContractTest;

/** The backend contract with each network shared by three threads (uneven shares). */
class ThreadedContractTest extends BackendContractTest {
  @Override
  protected Backend backend() {
    return new JavaBackend(false, 3);
  }
}
