package dev.recsuite.baselines.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrefixCrossEntropyTest {
  /**
   * The loss over length groups equals the mean softmax cross-entropy written out in double, instance by
   * instance: a batch whose rows are cut into several {@link LengthBuckets} groups keeps each target with its
   * own row. The encoder is "the embedding of the window's last item", so each row's logits are known here.
   */
  @Test
  void groupedLossIsTheMeanCrossEntropyOfEachInstance() {
    int nItems = 7;
    int d = 3;
    int maxLen = 50;
    SplittableRandom r = new SplittableRandom(9);
    int n = 310; // 300 short windows and 10 long ones: LengthBuckets cuts them into two passes
    int[][] items = new int[n][];
    int[] ends = new int[n];
    int[] targets = new int[n];
    for (int k = 0; k < n; k++) {
      items[k] = IntStream.range(0, k < 300 ? 3 : 70).map(j -> r.nextInt(nItems)).toArray();
      ends[k] = k < 300 ? 1 + r.nextInt(2) : 55 + r.nextInt(15);
      targets[k] = items[k][ends[k]];
    }
    int[] lens = IntStream.range(0, n).map(k -> Math.min(ends[k], maxLen)).toArray();
    assertTrue(LengthBuckets.split(lens).length > 1, "the batch must span several groups");
    Tensor table = Tensor.zeros(nItems + 1, d); // pad row first
    for (int i = 0; i < table.data().length; i++) {
      table.data()[i] = (float) r.nextGaussian();
    }
    Tape t = Tape.inference(CpuBackend.shared());
    Var e = t.constant(table);
    SequenceEncoder lastItem = (tt, s) -> {
      int[] last = new int[s.rows()];
      for (int b = 0; b < s.rows(); b++) {
        last[b] = s.ids()[b * s.length() + s.length() - 1];
      }
      return tt.gather(e, last);
    };
    double loss = PrefixCrossEntropy.loss(t, new PrefixInstances.Batch(items, ends, targets), maxLen, lastItem, e).item();
    float[] w = table.data();
    double sum = 0;
    for (int k = 0; k < n; k++) {
      int last = items[k][ends[k] - 1] + 1;
      double[] logits = new double[nItems + 1];
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i <= nItems; i++) {
        for (int c = 0; c < d; c++) {
          logits[i] += (double) w[last * d + c] * w[i * d + c];
        }
        max = Math.max(max, logits[i]);
      }
      double z = 0;
      for (double l : logits) {
        z += Math.exp(l - max);
      }
      sum += max + Math.log(z) - logits[targets[k] + 1];
    }
    assertEquals(sum / n, loss, 1e-5);
  }
}
