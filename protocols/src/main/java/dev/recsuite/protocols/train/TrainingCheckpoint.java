package dev.recsuite.protocols.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainer's state after an epoch, as bytes: each selection's curve, best value, patience and the parameters
 * of its best epoch, plus the model's current parameters and optimiser state ({@code model}, written by
 * {@link dev.recsuite.engine.autodiff.ParamCodec} and the optimiser). Selections whose best epoch is the same
 * share one copy of its parameters.
 *
 * @param nextEpoch the first epoch still to train
 * @param writer who wrote it ({@link CheckpointSink#writer()})
 * @param resumes earlier continuations of the same training
 */
record TrainingCheckpoint(int nextEpoch, String writer, List<Resume> resumes, List<SelectionState> selections, byte[] model) {
  private static final String MAGIC = "recsuite-training-checkpoint";
  private static final int FORMAT = 1;

  /** @param bestParameters the parameters at the best epoch (null before any improvement) */
  record SelectionState(List<EpochRecord> curve, double best, int bestEpoch, int sinceBest, boolean stopped, String reason,
      byte[] bestParameters) {}

  byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(MAGIC);
      out.writeInt(FORMAT);
      out.writeInt(nextEpoch);
      out.writeUTF(writer);
      out.writeInt(resumes.size());
      for (Resume r : resumes) {
        out.writeInt(r.epoch());
        out.writeUTF(r.writer());
      }
      out.writeInt(selections.size());
      for (int k = 0; k < selections.size(); k++) {
        SelectionState s = selections.get(k);
        out.writeInt(s.curve().size());
        for (EpochRecord e : s.curve()) {
          out.writeInt(e.epoch());
          out.writeDouble(e.loss());
          out.writeDouble(e.trainSeconds());
          out.writeDouble(e.validMetric());
          out.writeDouble(e.evalSeconds());
        }
        out.writeDouble(s.best());
        out.writeInt(s.bestEpoch());
        out.writeInt(s.sinceBest());
        out.writeBoolean(s.stopped());
        out.writeUTF(s.reason());
        int shared = -1;
        for (int j = 0; j < k && shared < 0; j++) {
          if (s.bestParameters() != null && selections.get(j).bestParameters() == s.bestParameters()) {
            shared = j;
          }
        }
        out.writeInt(s.bestParameters() == null ? -2 : shared);
        if (s.bestParameters() != null && shared < 0) {
          out.writeInt(s.bestParameters().length);
          out.write(s.bestParameters());
        }
      }
      out.writeInt(model.length);
      out.write(model);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /** @throws IOException when the bytes are not a checkpoint of this format */
  static TrainingCheckpoint decode(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    if (!MAGIC.equals(in.readUTF())) {
      throw new IOException("not a training checkpoint");
    }
    int format = in.readInt();
    if (format != FORMAT) {
      throw new IOException("checkpoint format " + format + ", this build reads " + FORMAT);
    }
    int nextEpoch = in.readInt();
    String writer = in.readUTF();
    List<Resume> resumes = new ArrayList<>();
    for (int n = in.readInt(); n > 0; n--) {
      resumes.add(new Resume(in.readInt(), in.readUTF()));
    }
    List<SelectionState> selections = new ArrayList<>();
    for (int k = 0, n = in.readInt(); k < n; k++) {
      List<EpochRecord> curve = new ArrayList<>();
      for (int e = in.readInt(); e > 0; e--) {
        curve.add(new EpochRecord(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
      }
      double best = in.readDouble();
      int bestEpoch = in.readInt();
      int sinceBest = in.readInt();
      boolean stopped = in.readBoolean();
      String reason = in.readUTF();
      int shared = in.readInt();
      byte[] params = shared == -2 ? null : shared >= 0 ? selections.get(shared).bestParameters() : readBytes(in);
      selections.add(new SelectionState(List.copyOf(curve), best, bestEpoch, sinceBest, stopped, reason, params));
    }
    byte[] model = readBytes(in);
    if (in.available() != 0) {
      throw new IOException(in.available() + " bytes after the end of the checkpoint");
    }
    return new TrainingCheckpoint(nextEpoch, writer, List.copyOf(resumes), List.copyOf(selections), model);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }
}
