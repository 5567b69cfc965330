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

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
