package dev.rewire.backend.java;

import dev.rewire.backend.Backend;
import dev.rewire.backend.BackendContractTest;

class JavaBackendContractTest extends BackendContractTest {
  @Override
  protected Backend backend() {
    return new JavaBackend();
  }
}
