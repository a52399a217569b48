package dev.recsuite.engine.autodiff;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Writes parameter values and reads them back into the same parameters, in place, so that an optimiser and
 * a network that hold the {@link Param} objects see the restored values. Each tensor is stored with its name
 * and shape, and reading checks both: a checkpoint of another model or configuration fails with the name of
 * the first parameter that differs instead of loading shuffled numbers. Values are the raw float32 bits, so a
 * round trip is exact.
 */
public final class ParamCodec {
  private ParamCodec() {}

  public static void write(DataOutput out, List<Param> params) throws IOException {
    out.writeInt(params.size());
    for (Param p : params) {
      out.writeUTF(p.name());
      int[] shape = p.value().shape();
      out.writeInt(shape.length);
      for (int s : shape) {
        out.writeInt(s);
      }
      writeFloats(out, p.value().data());
    }
  }

  public static void read(DataInput in, List<Param> params) throws IOException {
    int n = in.readInt();
    if (n != params.size()) {
      throw new IOException("the saved state has " + n + " parameters, the model " + params.size());
    }
    for (Param p : params) {
      String name = in.readUTF();
      int[] shape = new int[in.readInt()];
      for (int k = 0; k < shape.length; k++) {
        shape[k] = in.readInt();
      }
      if (!name.equals(p.name()) || !Arrays.equals(shape, p.value().shape())) {
        throw new IOException("saved parameter " + name + Arrays.toString(shape) + " does not match the model's " + p);
      }
      readFloats(in, p.value().data());
    }
  }

  /** A length-prefixed float array (little-endian bits). */
  public static void writeFloats(DataOutput out, float[] a) throws IOException {
    out.writeInt(a.length);
    ByteBuffer b = ByteBuffer.allocate(a.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(a);
    out.write(b.array());
  }

  /** Reads what {@link #writeFloats} wrote into {@code into}, which must have the saved length. */
  public static void readFloats(DataInput in, float[] into) throws IOException {
    int n = in.readInt();
    if (n != into.length) {
      throw new IOException("saved array has " + n + " values, expected " + into.length);
    }
    byte[] bytes = new byte[n * Float.BYTES];
    in.readFully(bytes);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(into);
  }
}
