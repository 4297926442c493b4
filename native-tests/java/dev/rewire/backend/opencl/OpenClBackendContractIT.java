package dev.rewire.backend.opencl;

import dev.rewire.backend.Backend;
import dev.rewire.backend.BackendContractTest;

/** The backend contract, stored Java digests included, on the OpenCL device. */
class OpenClBackendContractIT extends BackendContractTest {
  @Override
  protected Backend backend() {
    return new OpenClBackend(NativeTestSupport.device());
  }
}
