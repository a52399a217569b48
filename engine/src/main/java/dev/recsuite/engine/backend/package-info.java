/** The kernel interface between the tape and an implementation ({@code CpuBackend} today). */
package dev.recsuite.engine.backend;
