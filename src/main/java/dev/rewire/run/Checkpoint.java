package dev.rewire.run;

import dev.rewire.backend.SimulationState;
import dev.rewire.output.AtomicFile;
import dev.rewire.output.RunRecorder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A checkpoint file: the run (its spec, so that resuming rebuilds the same model, and the model's
 * hash, to refuse a checkpoint whose model no longer reads the same), how it was started and what it
 * was asked to write, the simulation state and the recorder state (with the run's record so far
 * when it writes results or a report). Gzipped binary with a format version ({@link
 * CheckpointCodec}); written atomically, so a killed run leaves the previous checkpoint intact.
 *
 * @param modelHash SHA-256 of the model as rewire read it ({@link dev.rewire.model.Model#contentHash})
 * @param backend the backend that wrote it (either backend can resume it)
 * @param commandLine the command line of the run
 * @param outputs what the run writes
 */
public record Checkpoint(RunSpec spec, String modelHash, String backend, String commandLine,
    Outputs outputs, SimulationState state, RunRecorder.State recorder) {

  public void write(Path file) throws IOException {
    AtomicFile.write(file, tmp -> {
      try (OutputStream raw = Files.newOutputStream(tmp)) {
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16) {
          {
            def.setLevel(Deflater.BEST_SPEED); // 3x faster than the default, 15 % larger
          }
        };
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        CheckpointCodec.write(this, out);
        out.flush();
        gz.finish();
      }
    });
  }

  /** Reads a checkpoint; throws CheckpointException for anything that is not one of ours. */
  public static Checkpoint read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(
            new GZIPInputStream(raw, 1 << 16), 1 << 16))) {
      return CheckpointCodec.read(in, file);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new CheckpointException(file + " is not a rewire checkpoint or is truncated ("
          + e.getMessage() + ")");
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CheckpointException("checkpoint " + file + " does not exist");
    } catch (IOException e) {
      throw new CheckpointException("cannot read checkpoint " + file + ": "
          + AtomicFile.reason(e));
    }
  }

  /** The step a checkpoint continues from (reads the whole file). */
  public static int stepOf(Path file) {
    return read(file).state().step();
  }

  /** Whether the checkpoint holds the run's record so far (it writes results or a report). */
  public boolean hasRecord() {
    return recorder.record() != null;
  }

  /** A file that cannot be resumed: not a checkpoint, another format, another model. */
  public static final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
      super(message);
    }
  }
}
