package io.github.scrfd4j.image;

/**
 * YCbCr to BGR exactly as libjpeg's {@code jdcolor.c} (and libjpeg-turbo, which OpenCV uses): 16-bit
 * fixed-point tables with rounding, then clamping. Doing this ourselves, on the raw decoded samples,
 * is what keeps embedded ICC profiles out of the picture (see {@link ImageDecoder}).
 */
final class YCbCrConverter {
    private static final int SCALEBITS = 16;
    private static final int ONE_HALF = 1 << (SCALEBITS - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALEBITS;
            CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALEBITS;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + ONE_HALF;
        }
    }

    private YCbCrConverter() {
    }

    private static int fix(double v) {
        return (int) (v * (1 << SCALEBITS) + 0.5);
    }

    static void toBgr(int y, int cb, int cr, byte[] out, int at) {
        out[at] = clamp(y + CB_B[cb]);
        out[at + 1] = clamp(y + ((CB_G[cb] + CR_G[cr]) >> SCALEBITS));
        out[at + 2] = clamp(y + CR_R[cr]);
    }

    /**
     * Converts {@code width} interleaved YCbCr pixels (sample offsets {@code oy, ocb, ocr} within a
     * pixel of {@code pixelStride} bytes) to packed BGR.
     */
    static void rowToBgr(byte[] src, int srcPos, int pixelStride, int oy, int ocb, int ocr, byte[] dst, int dstPos,
                         int width) {
        // the tables' formulas computed inline: the same integers, without four dependent loads a pixel
        final int kR = fix(1.40200);
        final int kB = fix(1.77200);
        final int kGr = fix(0.71414);
        final int kGb = fix(0.34414);
        if (pixelStride == 3 && oy == 0 && ocb == 1 && ocr == 2) {
            packedRowToBgr(src, srcPos, dst, dstPos, width);
            return;
        }
        for (int x = 0, s = srcPos, p = dstPos; x < width; x++, s += pixelStride, p += 3) {
            int y = src[s + oy] & 0xFF;
            int cb = (src[s + ocb] & 0xFF) - 128;
            int cr = (src[s + ocr] & 0xFF) - 128;
            int b = y + ((kB * cb + ONE_HALF) >> SCALEBITS);
            int g = y + ((-kGb * cb + ONE_HALF - kGr * cr) >> SCALEBITS);
            int r = y + ((kR * cr + ONE_HALF) >> SCALEBITS);
            // min/max compile to conditional moves: clamping by branches mispredicts on saturated colours
            dst[p] = (byte) Math.min(Math.max(b, 0), 255);
            dst[p + 1] = (byte) Math.min(Math.max(g, 0), 255);
            dst[p + 2] = (byte) Math.min(Math.max(r, 0), 255);
        }
    }

    /** The usual layout (Y, Cb, Cr packed): one index for both arrays lets the JIT drop bounds checks. */
    private static void packedRowToBgr(byte[] src, int srcPos, byte[] dst, int dstPos, int width) {
        final int kR = fix(1.40200);
        final int kB = fix(1.77200);
        final int kGr = fix(0.71414);
        final int kGb = fix(0.34414);
        int n = 3 * width;
        if (srcPos < 0 || dstPos < 0 || srcPos + n > src.length || dstPos + n > dst.length) {
            throw new IndexOutOfBoundsException("row of " + width + " pixels out of bounds");
        }
        int shift = srcPos - dstPos;
        for (int p = dstPos, end = dstPos + n; p < end; p += 3) {
            int y = src[p + shift] & 0xFF;
            int cb = (src[p + shift + 1] & 0xFF) - 128;
            int cr = (src[p + shift + 2] & 0xFF) - 128;
            int b = y + ((kB * cb + ONE_HALF) >> SCALEBITS);
            int g = y + ((-kGb * cb + ONE_HALF - kGr * cr) >> SCALEBITS);
            int r = y + ((kR * cr + ONE_HALF) >> SCALEBITS);
            dst[p] = (byte) Math.min(Math.max(b, 0), 255);
            dst[p + 1] = (byte) Math.min(Math.max(g, 0), 255);
            dst[p + 2] = (byte) Math.min(Math.max(r, 0), 255);
        }
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
