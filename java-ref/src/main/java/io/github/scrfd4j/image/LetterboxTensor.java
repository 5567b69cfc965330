package io.github.scrfd4j.image;

import io.github.scrfd4j.vector.KernelWarmup;
import io.github.scrfd4j.vector.Kernels;
import io.github.scrfd4j.vector.KernelsProvider;
import io.github.scrfd4j.vector.RowResampler;
import java.util.Arrays;

/**
 * Letterbox and tensor in one pass: the float CHW network input that {@link Letterbox} followed by
 * {@link Blob} would give, bit for bit, without the intermediate canvas. Each output row of the
 * resize is computed in integers exactly as {@link LinearResize} does (horizontal step per source row,
 * OpenCV's vertical step), then written straight into the three float planes; the padding is the
 * constant {@code (0 - mean) * scale}. The row steps are {@link Kernels} (both taps of a pixel
 * packed in one int, one int gather per element, lane-wise integer arithmetic); without the Vector API
 * the two-step path is used, which scalar code runs faster.
 *
 * <p>One instance per thread: its row buffers are reused from call to call, so a call allocates
 * nothing once they have grown to the largest image seen.
 */
public final class LetterboxTensor {
    private static final int COEF_SCALE = 2048;

    private final Kernels kernels;
    private final boolean eager;
    private final Letterbox fallback = new Letterbox();
    private final Blob fallbackBlob;
    private BgrImage fallbackCanvas;
    private int[] row0 = new int[0];
    private int[] row1 = new int[0];
    private byte[] out = new byte[0];
    private int[] i0 = new int[0];
    private int[] i1 = new int[0];
    private int[] w0 = new int[0];
    private int[] w1 = new int[0];
    private RowResampler resampler;
    private int resamplerSrcWidth = -1;
    private int resamplerDstWidth = -1;

    /** With the best available kernels. */
    public LetterboxTensor() {
        this(KernelsProvider.get());
    }

    public LetterboxTensor(Kernels kernels) {
        this(kernels, false);
    }

    private LetterboxTensor(Kernels kernels, boolean eager) {
        this.kernels = kernels;
        this.eager = eager;
        this.fallbackBlob = new Blob(kernels);
    }

    /**
     * With {@code kernels} from the first call, not waiting for {@link KernelWarmup}: for tests and
     * benchmarks, which must exercise and time the vector path itself.
     */
    public static LetterboxTensor eager(Kernels kernels) {
        return new LetterboxTensor(kernels, true);
    }

    /**
     * Writes the {@code 3 x inputHeight x inputWidth} tensor of {@code src} into {@code dst} from
     * {@code offset} and returns the letterbox that maps detections back.
     */
    public LetterboxParams apply(BgrImage src, LetterboxStyle style, BlobOptions opts, int inputWidth,
                                 int inputHeight, float[] dst, int offset) {
        int plane = inputWidth * inputHeight;
        if (offset < 0 || dst.length - offset < 3 * plane) {
            throw new IllegalArgumentException("destination of " + dst.length + " floats at offset " + offset
                    + " is too small for a 3x" + inputHeight + "x" + inputWidth + " tensor");
        }
        LetterboxParams p = LetterboxParams.plan(style, src.width(), src.height(), inputWidth, inputHeight);
        int rw = p.resizedWidth();
        int rh = p.resizedHeight();
        double scaleX = 1.0 / ((double) rw / src.width());
        double scaleY = 1.0 / ((double) rh / src.height());
        if ((rw == src.width() && rh == src.height()) || LinearResize.isExactHalving(scaleX, scaleY)
                || !kernels.isVectorized() || !(eager || KernelWarmup.ready(kernels))) {
            // a copy or OpenCV's area path (rare sizes), no Vector API (the scalar JIT runs the two-step
            // way faster: 3.4 against 5.3 ms), or its kernels not compiled yet (see KernelWarmup)
            if (fallbackCanvas == null || fallbackCanvas.width() != inputWidth || fallbackCanvas.height() != inputHeight) {
                fallbackCanvas = BgrImage.allocate(inputWidth, inputHeight);
            }
            fallback.apply(src, style, fallbackCanvas);
            fallbackBlob.write(fallbackCanvas, opts, dst, offset);
            return p;
        }
        float pad = (0 - opts.mean()) * opts.scale();
        int c0 = offset;
        int c1 = offset + plane;
        int c2 = offset + 2 * plane;
        for (int c : new int[] {c0, c1, c2}) {
            Arrays.fill(dst, c, c + p.padTop() * inputWidth, pad);
            for (int y = p.padTop(); y < p.padTop() + rh; y++) {
                int row = c + y * inputWidth;
                Arrays.fill(dst, row, row + p.padLeft(), pad);
                Arrays.fill(dst, row + p.padLeft() + rw, row + inputWidth, pad);
            }
            Arrays.fill(dst, c + (p.padTop() + rh) * inputWidth, c + plane, pad);
        }
        resize(src, rw, rh, scaleX, scaleY, opts, dst, c0 + p.padTop() * inputWidth + p.padLeft(),
                c1 + p.padTop() * inputWidth + p.padLeft(), c2 + p.padTop() * inputWidth + p.padLeft(), inputWidth);
        return p;
    }

    /** {@link LinearResize}'s generic path, one output row at a time, into the planes. */
    private void resize(BgrImage src, int dw, int dh, double scaleX, double scaleY, BlobOptions opts, float[] dst,
                        int at0, int at1, int at2, int rowStride) {
        int sw = src.width();
        int sh = src.height();
        int n = dw * 3;
        grow(n);
        if (sw != resamplerSrcWidth || dw != resamplerDstWidth) {
            planColumns(sw, dw, scaleX);
            resampler = kernels.rowResampler(i0, i1, w0, w1, n);
            resamplerSrcWidth = sw;
            resamplerDstWidth = dw;
        }
        int cached0 = -1;
        int cached1 = -1;
        byte[] s = src.data();
        for (int dy = 0; dy < dh; dy++) {
            float fy = (float) ((dy + 0.5) * scaleY - 0.5);
            int sy = (int) Math.floor(fy);
            fy -= sy; // no clamping of fy: OpenCV clamps only the row indices
            int b0 = LinearResize.weight(1.f - fy);
            int b1 = LinearResize.weight(fy);
            int y0 = LinearResize.clampRow(sy, sh);
            int y1 = LinearResize.clampRow(sy + 1, sh);
            if (y0 != cached0) {
                if (y0 == cached1) {
                    int[] t = row0;
                    row0 = row1;
                    row1 = t;
                    cached1 = -1;
                } else {
                    resampler.apply(s, src.rowStart(y0), row0);
                }
                cached0 = y0;
            }
            if (y1 != cached1) {
                resampler.apply(s, src.rowStart(y1), row1);
                cached1 = y1;
            }
            kernels.verticalLerp(row0, row1, b0, b1, n, out);
            int r = dy * rowStride;
            kernels.toPlanes(out, dw, opts.swapRB(), opts.mean(), opts.scale(), dst, at0 + r, at1 + r, at2 + r);
        }
    }

    /** Source taps and weights of every output element, as {@link LinearResize} computes them. */
    private void planColumns(int sw, int dw, double scaleX) {
        for (int dx = 0; dx < dw; dx++) {
            float fx = (float) ((dx + 0.5) * scaleX - 0.5);
            int sx = (int) Math.floor(fx);
            fx -= sx;
            boolean border = false;
            if (sx < 0) {
                fx = 0;
                sx = 0;
            }
            if (sx + 1 >= sw) {
                border = true; // past the right edge: 2048 * S[last], no second tap
                sx = sw - 1;
            }
            int a0 = border ? COEF_SCALE : LinearResize.weight(1.f - fx);
            int a1 = border ? 0 : LinearResize.weight(fx);
            for (int c = 0; c < 3; c++) {
                int e = 3 * dx + c;
                i0[e] = 3 * sx + c;
                i1[e] = border ? 3 * sx + c : 3 * sx + 3 + c;
                w0[e] = a0;
                w1[e] = a1;
            }
        }
    }

    private void grow(int n) {
        if (row0.length < n) {
            row0 = new int[n];
            row1 = new int[n];
            out = new byte[n + Kernels.ROW_SLACK];
            i0 = new int[n];
            i1 = new int[n];
            w0 = new int[n];
            w1 = new int[n];
            resamplerSrcWidth = -1;
        }
    }
}
