package dev.rewire.backend.opencl;

import dev.rewire.backend.Backend;
import dev.rewire.backend.BackendContractTest;

/**
 * The backend contract on the per-step engine (a launch per phase and step), which runs the
 * networks too large for a work-group; seed-ei would otherwise run on the resident engine.
 */
class PerStepBackendContractIT extends BackendContractTest {
  @Override
  protected Backend backend() {
    return new OpenClBackend(NativeTestSupport.device(), false, OpenClBackend.Engine.PER_STEP);
  }
}
