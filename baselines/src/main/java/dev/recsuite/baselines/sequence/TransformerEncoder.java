package dev.recsuite.baselines.sequence;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.nn.Attention;
import dev.recsuite.engine.nn.Init;
import dev.recsuite.engine.rng.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * RecBole's {@code TransformerEncoder} ({@code model/layers.py}; specs/baselines.md §3.7 step 3): a stack of
 * post-LN (BERT-style) blocks. Each block:
 * <pre>
 *   a = LayerNorm(dropout(Wo · MultiHead(Wq x, Wk x, Wv x; mask)) + x)      attention dropout on the probabilities
 *   y = LayerNorm(dropout(W2 · gelu(W1 a + b1) + b2) + a)                   GELU in the erf form
 * </pre>
 * Linear weights [out, in] ~ N(0, initializer_range²), biases 0, LayerNorm γ = 1, β = 0 (RecBole
 * {@code _init_weights}). Used by SASRec and by the proposed sequential models that name a SASRec block.
 */
public final class TransformerEncoder {
  /** Hyper-parameters of the stack (RecBole keys n_layers, n_heads, hidden_size, inner_size, ...). */
  public record Shape(int nLayers, int nHeads, int hiddenSize, int innerSize, float hiddenDropout, float attnDropout,
      float layerNormEps) {}

  private final Shape shape;
  private final List<Block> blocks;

  /** One block's parameters. */
  private record Block(Param wq, Param bq, Param wk, Param bk, Param wv, Param bv, Param wo, Param bo, Param ln1g,
      Param ln1b, Param w1, Param b1, Param w2, Param b2, Param ln2g, Param ln2b) {
    List<Param> all() {
      return List.of(wq, bq, wk, bk, wv, bv, wo, bo, ln1g, ln1b, w1, b1, w2, b2, ln2g, ln2b);
    }
  }

  /** A freshly initialised stack; weights drawn from {@code Rng.stream(seed, stream, layer, k)}. */
  public TransformerEncoder(Shape shape, double initializerRange, long seed, String stream) {
    this.shape = shape;
    this.blocks = new ArrayList<>();
    int d = shape.hiddenSize();
    int f = shape.innerSize();
    for (int l = 0; l < shape.nLayers(); l++) {
      String p = "layer" + l + ".";
      int k = 0;
      blocks.add(new Block(
          normal(p + "Wq", seed, stream, l, k++, initializerRange, d, d), Init.zeros(p + "bq", d), // [d, d], [d]
          normal(p + "Wk", seed, stream, l, k++, initializerRange, d, d), Init.zeros(p + "bk", d),
          normal(p + "Wv", seed, stream, l, k++, initializerRange, d, d), Init.zeros(p + "bv", d),
          normal(p + "Wo", seed, stream, l, k++, initializerRange, d, d), Init.zeros(p + "bo", d),
          Init.constant(p + "ln1.g", 1f, d), Init.zeros(p + "ln1.b", d),
          normal(p + "W1", seed, stream, l, k++, initializerRange, f, d), Init.zeros(p + "b1", f), // [inner, d]
          normal(p + "W2", seed, stream, l, k, initializerRange, d, f), Init.zeros(p + "b2", d), // [d, inner]
          Init.constant(p + "ln2.g", 1f, d), Init.zeros(p + "ln2.b", d)));
    }
  }

  private TransformerEncoder(Shape shape, List<Block> blocks) {
    this.shape = shape;
    this.blocks = blocks;
  }

  private static Param normal(String name, long seed, String stream, int layer, int k, double std, int... dims) {
    return Init.normal(name, Rng.stream(seed, stream, layer, k), 0.0, std, dims);
  }

  /** Every parameter, block by block. */
  public List<Param> params() {
    List<Param> out = new ArrayList<>();
    for (Block b : blocks) {
      out.addAll(b.all());
    }
    return out;
  }

  /** A deep copy (for a frozen scorer). */
  public TransformerEncoder copy() {
    List<Block> copies = new ArrayList<>();
    for (Block b : blocks) {
      Param[] c = b.all().stream().map(p -> new Param(p.name(), p.value().copy())).toArray(Param[]::new);
      copies.add(new Block(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15]));
    }
    return new TransformerEncoder(shape, copies);
  }

  /**
   * @param x [B, L, d] embedded input
   * @param mask [B, 1, L, L] additive mask ({@link PaddedSequences#attentionMask()})
   * @param lastOnly compute the last block for the last position only (all a left-padded model reads): the
   *     keys and values still cover every position, so that position's output is unchanged
   * @return [B, L, d], or [B, 1, d] with {@code lastOnly}
   */
  public Var forward(Tape t, Var x, Var mask, boolean lastOnly, SplittableRandom dropout) {
    int len = x.dim(1);
    for (int l = 0; l < blocks.size(); l++) {
      Block b = blocks.get(l);
      boolean cut = lastOnly && l == blocks.size() - 1;
      Var xq = cut ? t.slice(x, 1, len - 1, 1) : x; // [B, Lq, d]
      Var m = cut ? t.slice(mask, 2, len - 1, 1) : mask; // [B, 1, Lq, L]
      Var q = t.linear(xq, t.param(b.wq()), t.param(b.bq()));
      Var k = t.linear(x, t.param(b.wk()), t.param(b.bk()));
      Var v = t.linear(x, t.param(b.wv()), t.param(b.bv()));
      Var ctx = Attention.multiHead(t, q, k, v, shape.nHeads(), m, shape.attnDropout(), dropout);
      Var att = t.dropout(t.linear(ctx, t.param(b.wo()), t.param(b.bo())), shape.hiddenDropout(), dropout);
      Var a = t.layerNorm(t.add(att, xq), t.param(b.ln1g()), t.param(b.ln1b()), shape.layerNormEps());
      Var ffn = t.linear(t.gelu(t.linear(a, t.param(b.w1()), t.param(b.b1()))), t.param(b.w2()), t.param(b.b2()));
      x = t.layerNorm(t.add(t.dropout(ffn, shape.hiddenDropout(), dropout), a), t.param(b.ln2g()), t.param(b.ln2b()),
          shape.layerNormEps());
    }
    return x;
  }

  public long parameterCount() {
    return params().stream().mapToLong(Param::size).sum();
  }
}
