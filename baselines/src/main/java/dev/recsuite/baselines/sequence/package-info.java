/**
 * Machinery shared by sequential models (SASRec, GRU4Rec, and the proposed sequential models): left-padded
 * item windows with their attention masks ({@link dev.recsuite.baselines.sequence.PaddedSequences}), RecBole's
 * prefix augmentation ({@link dev.recsuite.baselines.sequence.PrefixInstances}), batching by length
 * ({@link dev.recsuite.baselines.sequence.LengthBuckets}), RecBole's Transformer encoder
 * ({@link dev.recsuite.baselines.sequence.TransformerEncoder}) and scoring from the last hidden state
 * ({@link dev.recsuite.baselines.sequence.SequenceScorer}). Spec: specs/baselines.md §3.7, §4.1, §5.
 */
package dev.recsuite.baselines.sequence;
