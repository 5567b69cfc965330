package io.github.scrfd4j.image;

import io.github.scrfd4j.vector.Kernels;
import io.github.scrfd4j.vector.KernelsProvider;
import java.nio.FloatBuffer;

/**
 * BGR HWC bytes to a float32 CHW tensor, equal to
 * {@code cv::dnn::blobFromImage(img, scale, size, (mean, mean, mean), swapRB)} without resizing.
 */
public final class Blob {
    private final Kernels kernels;

    /** Uses the best available kernels (Vector API when readable). */
    public Blob() {
        this(KernelsProvider.get());
    }

    public Blob(Kernels kernels) {
        this.kernels = kernels;
    }

    /** Number of floats the tensor of {@code img} takes. */
    public static int size(BgrImage img) {
        return 3 * img.width() * img.height();
    }

    /** Writes the tensor into {@code dst} starting at {@code offset}. */
    public void write(BgrImage img, BlobOptions opts, float[] dst, int offset) {
        if (offset < 0 || dst.length - offset < size(img)) {
            throw new IllegalArgumentException("destination of " + dst.length + " floats at offset " + offset
                    + " is too small for a 3x" + img.height() + "x" + img.width() + " tensor");
        }
        kernels.blob(img.data(), img.offset(), img.stride(), img.width(), img.height(), opts.swapRB(),
                opts.mean(), opts.scale(), dst, offset);
    }

    /**
     * Writes the tensor into {@code dst} at its position (which is not moved). A heap buffer is written
     * in place; a direct buffer, which native engines read without copying, receives one bulk copy of
     * each plane from {@code scratch}, which must hold at least one plane (width * height floats).
     */
    public void write(BgrImage img, BlobOptions opts, FloatBuffer dst, float[] scratch) {
        int n = size(img);
        if (dst.remaining() < n) {
            throw new IllegalArgumentException("FloatBuffer has " + dst.remaining() + " floats left, needs " + n);
        }
        if (dst.hasArray() && !dst.isReadOnly()) {
            write(img, opts, dst.array(), dst.arrayOffset() + dst.position());
            return;
        }
        if (scratch == null || scratch.length < n) {
            throw new IllegalArgumentException("scratch array must hold " + n + " floats");
        }
        write(img, opts, scratch, 0);
        dst.duplicate().put(scratch, 0, n);
    }
}
