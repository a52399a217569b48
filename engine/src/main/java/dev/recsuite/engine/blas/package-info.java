/** Dense GEMM: OpenBLAS through JavaCPP when its native library loads, a pure-Java kernel otherwise. */
package dev.recsuite.engine.blas;
