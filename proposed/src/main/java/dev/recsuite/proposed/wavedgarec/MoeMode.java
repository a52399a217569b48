package dev.recsuite.proposed.wavedgarec;

/** Which form of the paper's Eq. 3 MoE text adaptor runs (specs/proposed.md §1.3 step 1, W-7). */
public enum MoeMode {
  /**
   * SUITE DECISION: UniSRec's MoE adaptor (expert k = W_k(t - b_k) with a learnable whitening bias b_k, noisy
   * softmax gating), followed by the paper's global gate matrix G.
   */
  UNISREC,
  /** Eq. 3 as printed: G Σ_k g_k (t + s_k) W_k with s_k ~ N(0, 0.01² I) in training, plain softmax gating. */
  PAPER_LITERAL
}
