package io.github.scrfd4j.vector;

/**
 * The convolution kernels of the pure-Java network, in two implementations that give bit-identical
 * results: {@link ScalarConvKernels} and {@code PanamaConvKernels} (Vector API), chosen like
 * {@link Kernels} by {@link KernelsProvider#conv()}. Both compute every output as one chain of fused
 * multiply-adds in the same order, so the choice (and the vector width) changes speed, not a bit.
 */
public interface ConvKernels {
    /** Rows of the packed weight operand: weights are packed as {@code [ceil(M / MR)][K][MR]}. */
    int MR = 4;

    /** "scalar" or "vector(N floats)". */
    String name();

    default boolean isVectorized() {
        return false;
    }

    /** Columns one {@link #gemm} call computes at most: the width of the packed input panels. */
    int panelWidth();

    /**
     * One block of a convolution as a matrix product: for {@code r < rows} and {@code j < cols},
     * {@code c[cOff + r * ldc + j] = act(bias[m0 + r] + sum over kk < k of a[aOff + kk * MR + r] * b[bOff + kk * bStride + j])},
     * the sum taken as fused multiply-adds in increasing {@code kk}; {@code act} is {@code max(x, 0)} when
     * {@code relu}, else identity; {@code bias} may be null (zero). {@code a} holds {@link #MR} rows
     * (zero-padded past {@code rows}); {@code b} holds {@link #panelWidth()} readable columns per row.
     */
    void gemm(float[] a, int aOff, float[] bias, int m0, int rows, float[] b, int bOff, int bStride, int k,
              float[] c, int cOff, int ldc, int cols, boolean relu);

    /**
     * One channel of a depthwise convolution: {@code out[oy][ox] = act(bias + sum of w[ky][kx] * in[iy][ix])}
     * over the taps inside the image ({@code iy = oy * sh - pt + ky * dh}, likewise x), taps in row-major
     * order, fused multiply-adds; planes are row-major at the given offsets.
     */
    void depthwise(float[] in, int inOff, int h, int w, float[] wgt, int wOff, int kh, int kw, int sh, int sw,
                   int pt, int pl, int dh, int dw, float bias, float[] out, int outOff, int oh, int ow, boolean relu);
}
