package io.github.scrfd4j.vector;

/** A prepared horizontal resize step: see {@link Kernels#rowResampler}. Not thread-safe. */
public interface RowResampler {
    /** Resamples the source row starting at {@code rowStart} of {@code src} into {@code out}. */
    void apply(byte[] src, int rowStart, int[] out);
}
