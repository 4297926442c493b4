package dev.rewire.backend.opencl;

import dev.rewire.backend.Backend;
import dev.rewire.backend.BackendContractTest;

/**
 * The backend contract, stored Java digests included, on the OpenCL device: seed-ei fits a
 * work-group, so this is the resident engine (a batch of one network).
 */
class OpenClBackendContractIT extends BackendContractTest {
  @Override
  protected Backend backend() {
    return new OpenClBackend(NativeTestSupport.device());
  }
}
