/** Dense row-major float tensors ({@code Tensor}) and immutable CSR sparse matrices ({@code Csr}). */
package dev.recsuite.engine.tensor;
