package io.github.scrfd4j.vector;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels. Loaded only through {@link KernelsProvider} after it has checked that
 * {@code jdk.incubator.vector} is readable, so that no other class links against the module.
 * Every method computes the same IEEE operations, in the same order, as {@link ScalarKernels}; the
 * tails shorter than one vector are delegated to the scalar twin.
 */
final class PanamaKernels implements Kernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();

    private static final FloatVector ONE = FloatVector.broadcast(F, 1f);
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final int IL = I.length();
    /** The byte species whose widening fills one int vector. */
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(IL * 8));

    private final ScalarKernels tail = new ScalarKernels();

    static int lanes() {
        return L;
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

    @Override
    public void pairs(byte[] src, int from, int n, int[] out) {
        int j = 0;
        int bound = n >= 3 ? I.loopBound(n - 3) : 0; // the high tap must stay inside the row
        for (; j < bound; j += IL) {
            IntVector lo = widen(src, from + j);
            IntVector hi = widen(src, from + j + 3);
            lo.or(hi.lanewise(VectorOperators.LSHL, 16)).intoArray(out, j);
        }
        tail.pairsFrom(j, src, from, n, out);
    }

    private static IntVector widen(byte[] src, int at) {
        return ((IntVector) ByteVector.fromArray(B, src, at).convertShape(VectorOperators.B2I, I, 0))
                .lanewise(VectorOperators.AND, 0xFF);
    }

    /** One int gather fetches both taps; gathers cost about as much as the scalar loads they replace. */
    @Override
    public void pairLerp(int[] pairs, int[] idx, int[] w0, int[] w1, int n, int[] out) {
        int e = 0;
        int bound = I.loopBound(n);
        for (; e < bound; e += IL) {
            IntVector p = IntVector.fromArray(I, pairs, 0, idx, e);
            IntVector lo = p.lanewise(VectorOperators.AND, 0xFFFF).mul(IntVector.fromArray(I, w0, e));
            IntVector hi = p.lanewise(VectorOperators.LSHR, 16).mul(IntVector.fromArray(I, w1, e));
            lo.add(hi).intoArray(out, e);
        }
        tail.pairLerpFrom(e, pairs, idx, w0, w1, n, out);
    }

    @Override
    public void verticalLerp(int[] r0, int[] r1, int b0, int b1, int n, int[] out) {
        int x = 0;
        int bound = I.loopBound(n);
        for (; x < bound; x += IL) {
            IntVector a = IntVector.fromArray(I, r0, x).lanewise(VectorOperators.ASHR, 4).mul(b0)
                    .lanewise(VectorOperators.ASHR, 16);
            IntVector b = IntVector.fromArray(I, r1, x).lanewise(VectorOperators.ASHR, 4).mul(b1)
                    .lanewise(VectorOperators.ASHR, 16);
            a.add(b).add(2).lanewise(VectorOperators.ASHR, 2).max(0).min(255).intoArray(out, x);
        }
        tail.verticalLerpFrom(x, r0, r1, b0, b1, n, out);
    }

    /**
     * Delegates to the scalar loop, which C2 compiles well: on JDK 17 the int gathers that could
     * deinterleave measured 1.8x slower here, and two-vector {@code rearrange} (no intrinsic) 20x.
     */
    @Override
    public void toPlanes(int[] bgr, int pixels, boolean swapRB, float mean, float scale, float[] dst, int off0,
                         int off1, int off2) {
        tail.toPlanes(bgr, pixels, swapRB, mean, scale, dst, off0, off1, off2);
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
