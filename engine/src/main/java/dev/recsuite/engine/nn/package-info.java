/** Layers and losses built from tape ops and shared by several models: initialisers, losses, attention. */
package dev.recsuite.engine.nn;
