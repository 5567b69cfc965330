package io.github.scrfd4j.network;

import java.util.List;

/**
 * 2-D max or average pooling, one channel per task. Windows are clipped to the input; the average
 * divides by the clipped window ({@code count_include_pad=0}) or by the window clipped to the padded
 * input ({@code count_include_pad=1}), as ONNX Runtime does.
 */
final class PoolLayer extends Layer {
    private final Storage in;
    private final Storage out;
    private final boolean max;
    private final boolean countPad;
    private final int channels;
    private final int h;
    private final int w;
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int pt;
    private final int pl;
    private final int pb;
    private final int pr;
    private final int oh;
    private final int ow;

    PoolLayer(Storage in, Storage out, boolean max, boolean countPad, int channels, int h, int w, int kh, int kw, int sh,
              int sw, int pt, int pl, int pb, int pr, int oh, int ow) {
        super(max ? "MaxPool" : "AveragePool", List.of(in), List.of(out));
        this.in = in;
        this.out = out;
        this.max = max;
        this.countPad = countPad;
        this.channels = channels;
        this.h = h;
        this.w = w;
        this.kh = kh;
        this.kw = kw;
        this.sh = sh;
        this.sw = sw;
        this.pt = pt;
        this.pl = pl;
        this.pb = pb;
        this.pr = pr;
        this.oh = oh;
        this.ow = ow;
    }

    @Override
    long work() {
        return (long) channels * oh * ow * kh * kw;
    }

    @Override
    void run(float[][] buf, Workers workers) {
        float[] src = buf[in.slot];
        float[] dst = buf[out.slot];
        workers.forEach(channels, (c, worker) -> channel(src, c * h * w, dst, c * oh * ow));
    }

    private void channel(float[] src, int si, float[] dst, int di) {
        boolean pairs = kh == 2 && kw == 2 && sw == 2;
        // columns whose window lies inside the image: x0 = 2 ox - pl >= 0 and x0 + 2 <= w
        int oxA = pairs ? Math.min(ow, (pl + 1) / 2) : ow;
        int oxB = pairs ? Math.max(oxA, Math.min(ow, (w + pl - 2) / 2 + 1)) : ow;
        for (int oy = 0; oy < oh; oy++) {
            int y0 = oy * sh - pt;
            int y1 = Math.min(y0 + kh, h + pb);
            int ys = Math.max(y0, 0);
            int ye = Math.min(y1, h);
            int o = di + oy * ow;
            if (pairs && y0 >= 0 && y0 + 2 <= h) {
                // SCRFD's 2x2/2 pools on whole windows, without the clipping arithmetic (same operations)
                for (int ox = 0; ox < oxA; ox++) {
                    dst[o + ox] = window(src, si, y0, y1, ys, ye, ox);
                }
                int r0 = si + y0 * w;
                int r1 = r0 + w;
                if (max) {
                    for (int ox = oxA; ox < oxB; ox++) {
                        int i = 2 * ox - pl;
                        dst[o + ox] = Math.max(Math.max(Math.max(Float.NEGATIVE_INFINITY, src[r0 + i]), src[r0 + i + 1]),
                                Math.max(src[r1 + i], src[r1 + i + 1]));
                    }
                } else {
                    for (int ox = oxA; ox < oxB; ox++) {
                        int i = 2 * ox - pl;
                        dst[o + ox] = (src[r0 + i] + src[r0 + i + 1] + src[r1 + i] + src[r1 + i + 1]) / 4;
                    }
                }
                for (int ox = oxB; ox < ow; ox++) {
                    dst[o + ox] = window(src, si, y0, y1, ys, ye, ox);
                }
            } else {
                for (int ox = 0; ox < ow; ox++) {
                    dst[o + ox] = window(src, si, y0, y1, ys, ye, ox);
                }
            }
        }
    }

    private float window(float[] src, int si, int y0, int y1, int ys, int ye, int ox) {
        int x0 = ox * sw - pl;
        int x1 = Math.min(x0 + kw, w + pr);
        int xs = Math.max(x0, 0);
        int xe = Math.min(x1, w);
        if (max) {
            float v = Float.NEGATIVE_INFINITY;
            for (int y = ys; y < ye; y++) {
                for (int x = xs; x < xe; x++) {
                    v = Math.max(v, src[si + y * w + x]);
                }
            }
            return v;
        }
        float sum = 0f;
        for (int y = ys; y < ye; y++) {
            for (int x = xs; x < xe; x++) {
                sum += src[si + y * w + x];
            }
        }
        int count = countPad ? (y1 - y0) * (x1 - x0) : (ye - ys) * (xe - xs);
        return count > 0 ? sum / count : 0f;
    }
}
