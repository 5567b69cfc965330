package io.github.scrfd4j.vector;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels. Loaded only through {@link KernelsProvider} after it has checked that
 * {@code jdk.incubator.vector} is readable, so that no other class links against the module.
 * Every method computes the same IEEE operations, in the same order, as {@link ScalarKernels}; the
 * tails shorter than one vector are delegated to the scalar twin.
 */
final class PanamaKernels implements Kernels {
    /**
     * Vector width in bits: the machine's preferred one, or {@code -D}{@value #BITS} (128, 256 or 512,
     * at most the preferred width) so that tests on a wide machine also run the kernels at the widths
     * of NEON (128) and AVX2 (256).
     */
    static final String BITS = "scrfd4j.vector.bits";
    private static final VectorSpecies<Float> F = species();
    private static final int L = F.length();

    private static final FloatVector ONE = FloatVector.broadcast(F, 1f);
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    private static final int IL = I.length();
    /** Ints in half an int vector: the blocks of strong downscales. */
    private static final VectorSpecies<Integer> IH = VectorSpecies.of(int.class, VectorShape.forBitSize(Math.max(64,
            IL * 16)));
    private static final int HL = IH.length();
    /** Bytes in a vector as wide as the int vectors: the window of one permute. */
    private static final VectorSpecies<Byte> BP = VectorSpecies.of(byte.class, I.vectorShape());
    /** Bytes that one int vector narrows to (at least 64 bits, the smallest shape). */
    private static final VectorSpecies<Byte> BQ = VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, IL * 8)));
    /** Lane k takes byte 3k + c: one channel of IL interleaved BGR pixels. */
    private static final VectorShuffle<Byte>[] CHANNEL = channels();

    private static VectorSpecies<Float> species() {
        String bits = System.getProperty(BITS);
        if (bits == null || bits.isBlank()) {
            return FloatVector.SPECIES_PREFERRED;
        }
        int b = Integer.parseInt(bits.trim());
        if (b != 128 && b != 256 && b != 512) {
            throw new IllegalArgumentException("-D" + BITS + " must be 128, 256 or 512, got " + bits);
        }
        if (b > FloatVector.SPECIES_PREFERRED.vectorBitSize()) {
            throw new IllegalArgumentException("-D" + BITS + "=" + b + " is wider than this machine's "
                    + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit vectors");
        }
        return VectorSpecies.of(float.class, VectorShape.forBitSize(b));
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Byte>[] channels() {
        VectorShuffle<Byte>[] out = new VectorShuffle[3];
        for (int c = 0; c < 3; c++) {
            int[] idx = new int[BP.length()];
            for (int k = 0; k < IL && 3 * k + c < idx.length; k++) {
                idx[k] = 3 * k + c;
            }
            out[c] = VectorShuffle.fromArray(BP, idx, 0);
        }
        return out;
    }

    private final ScalarKernels tail = new ScalarKernels();

    static int lanes() {
        return L;
    }

    /** The float species every Vector kernel of this JVM uses (the preferred one, or -D{@value #BITS}). */
    static VectorSpecies<Float> floatSpecies() {
        return F;
    }

    @Override
    public boolean isVectorized() {
        return true;
    }

    @Override
    public String name() {
        return "vector(" + L + " floats)";
    }

    /**
     * Delegates to the scalar loop: the Vector API of JDK 17 to 25 has no intrinsic byte gather or
     * 3-way deinterleave, and the gather-based version measured 2x slower than the scalar loop
     * (bench: PreprocessBenchmark), which C2 already compiles to tight code.
     */
    @Override
    public void blob(byte[] src, int srcOffset, int srcStride, int width, int height, boolean swapRB, float mean,
                     float scale, float[] dst, int dstOffset) {
        tail.blob(src, srcOffset, srcStride, width, height, swapRB, mean, scale, dst, dstOffset);
    }

    /**
     * Blocks of {@code IL} outputs whose taps lie within one byte vector ({@code 4 * IL} bytes, which
     * holds downscales up to about 4.4x at 512 bits) are two byte permutes of one load
     * ({@code vpermb} with AVX-512 VBMI); stronger downscales (a 12-megapixel photo to 640 is 6.25x)
     * take two windows of half as many outputs; what still does not fit, and machines with vectors
     * under 256 bits, take the scalar loop. Int gathers measured 3.5x slower than the permutes here.
     */
    @Override
    public RowResampler rowResampler(int[] i0, int[] i1, int[] w0, int[] w1, int n) {
        if (IL < 8) {
            return tail.rowResampler(i0, i1, w0, w1, n);
        }
        return new PermuteResampler(i0, i1, w0, w1, n);
    }

    private static final class PermuteResampler implements RowResampler {
        private final int n;
        private final int[] i0;
        private final int[] i1;
        private final int[] w0;
        private final int[] w1;
        /** Per half block of {@code HL} outputs: where its window starts, and its two shuffles (null: scalar). */
        private final int[] base;
        private final int[] needed;
        private final VectorShuffle<Byte>[] tap0;
        private final VectorShuffle<Byte>[] tap1;
        /** Per block of {@code IL} outputs: whether one window holds both halves. */
        private final boolean[] whole;

        @SuppressWarnings("unchecked")
        PermuteResampler(int[] i0, int[] i1, int[] w0, int[] w1, int n) {
            this.n = n;
            this.i0 = java.util.Arrays.copyOf(i0, n);
            this.i1 = java.util.Arrays.copyOf(i1, n);
            this.w0 = java.util.Arrays.copyOf(w0, n);
            this.w1 = java.util.Arrays.copyOf(w1, n);
            int blocks = n / IL;
            whole = new boolean[blocks];
            base = new int[2 * blocks];
            needed = new int[2 * blocks];
            tap0 = new VectorShuffle[2 * blocks];
            tap1 = new VectorShuffle[2 * blocks];
            for (int b = 0; b < blocks; b++) {
                whole[b] = plan(b * IL, IL, 2 * b);
                if (!whole[b]) {
                    // a strong downscale: two windows of HL outputs each
                    plan(b * IL, HL, 2 * b);
                    plan(b * IL + HL, HL, 2 * b + 1);
                }
            }
        }

        /** Shuffles for outputs {@code [e, e + count)} into slot {@code k}, when their taps fit one window. */
        private boolean plan(int e, int count, int k) {
            int bl = BP.length();
            int first = Integer.MAX_VALUE;
            int last = 0;
            for (int j = e; j < e + count; j++) {
                first = Math.min(first, Math.min(i0[j], i1[j]));
                last = Math.max(last, Math.max(i0[j], i1[j]));
            }
            if (last - first >= bl) {
                tap0[k] = null;
                return false;
            }
            base[k] = first;
            needed[k] = first + bl;
            int[] s0 = new int[bl];
            int[] s1 = new int[bl];
            for (int j = 0; j < count; j++) {
                s0[j] = i0[e + j] - first;
                s1[j] = i1[e + j] - first;
            }
            tap0[k] = VectorShuffle.fromArray(BP, s0, 0);
            tap1[k] = VectorShuffle.fromArray(BP, s1, 0);
            return true;
        }

        @Override
        public void apply(byte[] src, int rowStart, int[] out) {
            int blocks = whole.length;
            int limit = src.length - rowStart;
            // written out, not through helpers: a vector crossing a call that C2 does not inline is
            // boxed, and a profile polluted by the scalar kernels made that 30x slower
            for (int b = 0; b < blocks; b++) {
                int e = b * IL;
                if (whole[b] && needed[2 * b] <= limit) {
                    ByteVector v = ByteVector.fromArray(BP, src, rowStart + base[2 * b]);
                    IntVector x = ((IntVector) v.rearrange(tap0[2 * b]).convertShape(VectorOperators.B2I, I, 0))
                            .lanewise(VectorOperators.AND, 0xFF).mul(IntVector.fromArray(I, w0, e));
                    IntVector y = ((IntVector) v.rearrange(tap1[2 * b]).convertShape(VectorOperators.B2I, I, 0))
                            .lanewise(VectorOperators.AND, 0xFF).mul(IntVector.fromArray(I, w1, e));
                    x.add(y).intoArray(out, e);
                    continue;
                }
                for (int h = 0; h < 2; h++) {
                    int k = 2 * b + h;
                    int eh = e + h * HL;
                    if (whole[b] || tap0[k] == null || needed[k] > limit) {
                        ScalarKernels.resampleFrom(eh, src, rowStart, i0, i1, w0, w1, eh + HL, out);
                        continue;
                    }
                    ByteVector v = ByteVector.fromArray(BP, src, rowStart + base[k]);
                    IntVector x = ((IntVector) v.rearrange(tap0[k]).convertShape(VectorOperators.B2I, IH, 0))
                            .lanewise(VectorOperators.AND, 0xFF).mul(IntVector.fromArray(IH, w0, eh));
                    IntVector y = ((IntVector) v.rearrange(tap1[k]).convertShape(VectorOperators.B2I, IH, 0))
                            .lanewise(VectorOperators.AND, 0xFF).mul(IntVector.fromArray(IH, w1, eh));
                    x.add(y).intoArray(out, eh);
                }
            }
            ScalarKernels.resampleFrom(blocks * IL, src, rowStart, i0, i1, w0, w1, n, out);
        }
    }

    @Override
    public void verticalLerp(int[] r0, int[] r1, int b0, int b1, int n, byte[] out) {
        if (IL < 8) {
            tail.verticalLerp(r0, r1, b0, b1, n, out);
            return;
        }
        int x = 0;
        int bound = I.loopBound(n);
        for (; x < bound; x += IL) {
            IntVector a = IntVector.fromArray(I, r0, x).lanewise(VectorOperators.ASHR, 4).mul(b0)
                    .lanewise(VectorOperators.ASHR, 16);
            IntVector b = IntVector.fromArray(I, r1, x).lanewise(VectorOperators.ASHR, 4).mul(b1)
                    .lanewise(VectorOperators.ASHR, 16);
            ((ByteVector) a.add(b).add(2).lanewise(VectorOperators.ASHR, 2).max(0).min(255)
                    .convertShape(VectorOperators.I2B, BQ, 0)).intoArray(out, x);
        }
        tail.verticalLerpFrom(x, r0, r1, b0, b1, n, out);
    }

    /** Per block of {@code IL} pixels ({@code 3 * IL} bytes, one load), one byte permute per channel. */
    @Override
    public void toPlanes(byte[] bgr, int pixels, boolean swapRB, float mean, float scale, float[] dst, int off0,
                         int off1, int off2) {
        if (IL < 8) {
            tail.toPlanes(bgr, pixels, swapRB, mean, scale, dst, off0, off1, off2);
            return;
        }
        VectorShuffle<Byte> s0 = CHANNEL[swapRB ? 2 : 0];
        VectorShuffle<Byte> s1 = CHANNEL[1];
        VectorShuffle<Byte> s2 = CHANNEL[swapRB ? 0 : 2];
        int x = 0;
        int bound = I.loopBound(pixels);
        for (; x < bound && 3 * x + BP.length() <= bgr.length; x += IL) {
            ByteVector v = ByteVector.fromArray(BP, bgr, 3 * x);
            IntVector p0 = ((IntVector) v.rearrange(s0).convertShape(VectorOperators.B2I, I, 0))
                    .lanewise(VectorOperators.AND, 0xFF);
            IntVector p1 = ((IntVector) v.rearrange(s1).convertShape(VectorOperators.B2I, I, 0))
                    .lanewise(VectorOperators.AND, 0xFF);
            IntVector p2 = ((IntVector) v.rearrange(s2).convertShape(VectorOperators.B2I, I, 0))
                    .lanewise(VectorOperators.AND, 0xFF);
            ((FloatVector) p0.convertShape(VectorOperators.I2F, F, 0)).sub(mean).mul(scale).intoArray(dst, off0 + x);
            ((FloatVector) p1.convertShape(VectorOperators.I2F, F, 0)).sub(mean).mul(scale).intoArray(dst, off1 + x);
            ((FloatVector) p2.convertShape(VectorOperators.I2F, F, 0)).sub(mean).mul(scale).intoArray(dst, off2 + x);
        }
        tail.toPlanesFrom(x, bgr, pixels, swapRB, mean, scale, dst, off0, off1, off2);
    }

    @Override
    public int selectAtLeast(float[] scores, int offset, int n, float threshold, int[] out) {
        int count = 0;
        int i = 0;
        int bound = F.loopBound(n);
        for (; i < bound; i += L) {
            VectorMask<Float> m = FloatVector.fromArray(F, scores, offset + i).compare(VectorOperators.GE, threshold);
            if (m.anyTrue()) { // rare: most anchors are background; toLong is not an intrinsic on JDK 17
                for (int k = 0; k < L; k++) {
                    if (scores[offset + i + k] >= threshold) {
                        out[count++] = i + k;
                    }
                }
            }
        }
        for (; i < n; i++) {
            if (scores[offset + i] >= threshold) {
                out[count++] = i;
            }
        }
        return count;
    }

    @Override
    public void decodeBoxes(DecodeMapping m, float s, int from, int to, float[] ax, float[] ay, float[] l,
                            float[] t, float[] r, float[] b, float[] x1, float[] y1, float[] x2, float[] y2) {
        int i = from;
        int bound = from + F.loopBound(to - from);
        float k = m.scale();
        FloatVector zero = FloatVector.zero(F);
        FloatVector w = FloatVector.broadcast(F, m.imageW());
        FloatVector h = FloatVector.broadcast(F, m.imageH());
        for (; i < bound; i += L) {
            FloatVector vx = FloatVector.fromArray(F, ax, i);
            FloatVector vy = FloatVector.fromArray(F, ay, i);
            FloatVector vl = FloatVector.fromArray(F, l, i);
            FloatVector vt = FloatVector.fromArray(F, t, i);
            FloatVector vr = FloatVector.fromArray(F, r, i);
            FloatVector vb = FloatVector.fromArray(F, b, i);
            if (m.lite()) {
                FloatVector a = vx.sub(vl).mul(s).sub(m.padX()).div(k);
                FloatVector c = vy.sub(vt).mul(s).sub(m.padY()).div(k);
                FloatVector e = vx.add(vr).mul(s).sub(m.padX()).div(k);
                FloatVector f = vy.add(vb).mul(s).sub(m.padY()).div(k);
                zero.blend(a, zero.compare(VectorOperators.LT, a)).intoArray(x1, i);
                zero.blend(c, zero.compare(VectorOperators.LT, c)).intoArray(y1, i);
                w.blend(e, e.compare(VectorOperators.LT, w)).intoArray(x2, i);
                h.blend(f, f.compare(VectorOperators.LT, h)).intoArray(y2, i);
            } else {
                FloatVector px = vx.mul(s);
                FloatVector py = vy.mul(s);
                px.sub(vl.mul(s)).div(k).intoArray(x1, i);
                py.sub(vt.mul(s)).div(k).intoArray(y1, i);
                px.add(vr.mul(s)).div(k).intoArray(x2, i);
                py.add(vb.mul(s)).div(k).intoArray(y2, i);
            }
        }
        tail.decodeBoxes(m, s, i, to, ax, ay, l, t, r, b, x1, y1, x2, y2);
    }

    @Override
    public void decodeLandmarks(DecodeMapping m, float s, int from, int to, float[] ax, float[] ay, float[] in,
                                float[] out, int plane) {
        int bound = from + F.loopBound(to - from);
        float k = m.scale();
        FloatVector zero = FloatVector.zero(F);
        for (int j = 0; j < 10; j++) {
            boolean isX = (j & 1) == 0;
            float[] a = isX ? ax : ay;
            float pad = isX ? m.padX() : m.padY();
            FloatVector lim = FloatVector.broadcast(F, isX ? m.imageW() : m.imageH());
            int base = j * plane;
            for (int i = from; i < bound; i += L) {
                FloatVector va = FloatVector.fromArray(F, a, i);
                FloatVector d = FloatVector.fromArray(F, in, base + i);
                FloatVector v;
                if (m.lite()) {
                    FloatVector raw = va.add(d).mul(s).sub(pad).div(k);
                    FloatVector lo = zero.blend(raw, zero.compare(VectorOperators.LT, raw));
                    v = lo.blend(lim, lim.compare(VectorOperators.LT, lo));
                } else {
                    v = va.mul(s).add(d.mul(s)).div(k);
                }
                v.intoArray(out, base + i);
            }
        }
        tail.decodeLandmarks(m, s, bound, to, ax, ay, in, out, plane);
    }

    @Override
    public int suppress(boolean liteIou, float threshold, int i, int n, float[] x1, float[] y1, float[] x2,
                        float[] y2, float[] area, boolean[] removed) {
        int newly = 0;
        FloatVector ix1 = FloatVector.broadcast(F, x1[i]);
        FloatVector iy1 = FloatVector.broadcast(F, y1[i]);
        FloatVector ix2 = FloatVector.broadcast(F, x2[i]);
        FloatVector iy2 = FloatVector.broadcast(F, y2[i]);
        FloatVector ia = FloatVector.broadcast(F, area[i]);
        float[] flags = null; // only when something is removed: no allocation on the common path
        int j = i + 1;
        int bound = j + F.loopBound(n - j);
        for (; j < bound; j += L) {
            FloatVector w = ix2.min(FloatVector.fromArray(F, x2, j))
                    .sub(ix1.max(FloatVector.fromArray(F, x1, j))).add(1f);
            FloatVector h = iy2.min(FloatVector.fromArray(F, y2, j))
                    .sub(iy1.max(FloatVector.fromArray(F, y1, j))).add(1f);
            FloatVector aj = FloatVector.fromArray(F, area, j);
            VectorMask<Float> drop;
            if (liteIou) {
                FloatVector inter = h.mul(w);
                FloatVector iou = inter.div(ia.add(aj).sub(inter));
                VectorMask<Float> disjoint = h.compare(VectorOperators.LE, 0f).or(w.compare(VectorOperators.LE, 0f));
                iou = iou.blend(ScalarKernels.FLT_MIN, disjoint);
                drop = iou.compare(VectorOperators.GT, threshold);
            } else {
                FloatVector inter = w.max(0f).mul(h.max(0f));
                FloatVector ovr = inter.div(ia.add(aj).sub(inter));
                drop = ovr.compare(VectorOperators.LE, threshold).not();
            }
            if (drop.anyTrue()) {
                if (flags == null) {
                    flags = new float[L];
                }
                ONE.blend(0f, drop.not()).intoArray(flags, 0);
                for (int k = 0; k < L; k++) {
                    if (flags[k] != 0f && !removed[j + k]) {
                        removed[j + k] = true;
                        newly++;
                    }
                }
            }
        }
        for (; j < n; j++) {
            if (removed[j]) {
                continue;
            }
            // same formulas as ScalarKernels, for the tail shorter than a vector
            float w = Math.min(x2[i], x2[j]) - Math.max(x1[i], x1[j]) + 1f;
            float h = Math.min(y2[i], y2[j]) - Math.max(y1[i], y1[j]) + 1f;
            if (liteIou) {
                float iou = (h <= 0f || w <= 0f) ? ScalarKernels.FLT_MIN : (h * w) / (area[i] + area[j] - h * w);
                if (iou > threshold) {
                    removed[j] = true;
                    newly++;
                }
            } else {
                float inter = Math.max(0f, w) * Math.max(0f, h);
                if (!((inter / (area[i] + area[j] - inter)) <= threshold)) {
                    removed[j] = true;
                    newly++;
                }
            }
        }
        return newly;
    }
}
