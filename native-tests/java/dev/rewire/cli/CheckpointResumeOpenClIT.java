package dev.rewire.cli;

import dev.rewire.backend.opencl.NativeTestSupport;
import org.junit.jupiter.api.BeforeEach;

/** The kill -9 and resume test with the killed run and the resumed one on the OpenCL device. */
class CheckpointResumeOpenClIT extends CheckpointResumeTest {
  @BeforeEach
  void requireDevice() {
    NativeTestSupport.device();
  }

  @Override
  protected String backend() {
    return "opencl";
  }

  @Override
  protected String duration() {
    return "4s";
  }
}
