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
     * One {@link #MR} x {@link #panelWidth()} block of a convolution as a matrix product: for
     * {@code r < MR} and {@code j < panelWidth()},
     * {@code c[cOff + r * ldc + j] = max(floor, bias[bOff + r] + sum over kk < k of a[aOff + kk * MR + r] * b[bOff + rowOff[kk] + j])},
     * the sum taken as fused multiply-adds in increasing {@code kk}; {@code floor} is 0 for a fused ReLU and
     * negative infinity otherwise (which leaves every value, NaN included, as it is). Each row of {@code b}
     * starts at its own offset (packed panels, the input in place, or shifted rows of a padded input).
     * The block is always whole, and the kernel has no branch but its loop: a caller with fewer rows or
     * columns lets it write to a scratch tile. (Branches on partial blocks made C2 deoptimise the kernel
     * until it gave up its Vector API intrinsics: measured 10x slower.)
     */
    void gemm(float[] a, int aOff, float[] bias, int biasOff, float[] b, int bOff, int[] rowOff, int k, float[] c,
              int cOff, int ldc, float floor);

    /**
     * One channel of a depthwise convolution: {@code out[oy][ox] = max(floor, bias + sum of w[ky][kx] * in[iy][ix])}
     * over the taps inside the image ({@code iy = oy * sh - pt + ky * dh}, likewise x), taps in row-major
     * order, fused multiply-adds; planes are row-major at the given offsets.
     */
    void depthwise(float[] in, int inOff, int h, int w, float[] wgt, int wOff, int kh, int kw, int sh, int sw,
                   int pt, int pl, int dh, int dw, float bias, float[] out, int outOff, int oh, int ow, float floor);
}
