package dev.recsuite.protocols.eval;

/**
 * Which of a user's known items are removed from the ranked list in full-ranking evaluation.
 * MMRec masks training items only: at test time validation items stay rankable and count as misses
 * (specs/baselines.md §2.5). RecBole masks nothing for sequential models (§5).
 */
public enum MaskPolicy {
  /** Mask the user's training items (MMRec; the suite default). */
  TRAIN,
  /** Mask training items, and at test time also the user's validation items. */
  TRAIN_AND_VALID,
  /** Mask nothing (RecBole's full mode for sequential models, repeat consumption). */
  NONE
}
