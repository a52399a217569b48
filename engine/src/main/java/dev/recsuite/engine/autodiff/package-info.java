/**
 * Reverse-mode automatic differentiation: a {@code Tape} records ops on {@code Var}s and back-propagates into
 * {@code Param}s. Training tapes record and enable dropout; inference tapes do neither (scoring).
 */
package dev.recsuite.engine.autodiff;
