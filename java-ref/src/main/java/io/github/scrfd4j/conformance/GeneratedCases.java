package io.github.scrfd4j.conformance;

import io.github.scrfd4j.anchors.StridePlan;
import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.nms.MaxNumSelector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The cases that need no photo and no model: each exercises one rule of the contract (README,
 * "Semantics") and names it. Deterministic for a seed.
 */
public final class GeneratedCases {
    private static final Convention LITE = Convention.LITE_AI_TOOLKIT;
    private static final Convention IF = Convention.INSIGHTFACE;

    private final Suite suite;
    private final Random random;

    private GeneratedCases(Suite suite, long seed) {
        this.suite = suite;
        this.random = new Random(seed);
    }

    /** Adds every generated case to {@code suite}. */
    public static void addAll(Suite suite) throws IOException {
        GeneratedCases g = new GeneratedCases(suite, suite.seed());
        g.post();
        g.pre();
        g.decode();
    }

    // ---- level 1: post-processing ----

    /** Synthetic outputs for an input of {@code w x h}: all scores 0 until set. */
    private static final class Head {
        final StridePlan plan;
        final int w;
        final int h;
        final boolean kps;
        final float[][] scores;
        final float[][] boxes;
        final float[][] lms;

        Head(StridePlan plan, int w, int h, boolean kps) {
            this.plan = plan;
            this.w = w;
            this.h = h;
            this.kps = kps;
            int levels = plan.levels();
            scores = new float[levels][];
            boxes = new float[levels][];
            lms = new float[levels][];
            for (int l = 0; l < levels; l++) {
                int n = plan.anchorCount(l, w, h);
                scores[l] = new float[n];
                boxes[l] = new float[4 * n];
                lms[l] = new float[10 * n];
            }
        }

        /** Sets anchor {@code i} of level {@code l}: a score, box distances and landmark offsets (stride units). */
        Head set(int l, int i, float score, float d) {
            scores[l][i] = score;
            for (int k = 0; k < 4; k++) {
                boxes[l][4 * i + k] = d;
            }
            for (int k = 0; k < 10; k++) {
                lms[l][10 * i + k] = (k % 2 == 0 ? 0.3f : -0.2f) * (1 + k / 2);
            }
            return this;
        }

        /** Anchor index of cell (x, y), anchor a, at level l. */
        int at(int l, int x, int y, int a) {
            int s = plan.stride(l);
            return (y * (w / s) + x) * plan.anchorsPerCell() + a;
        }

        List<Tensor> named() {
            List<Tensor> out = new ArrayList<>();
            for (int l = 0; l < plan.levels(); l++) {
                out.add(new Tensor("score_" + plan.stride(l), new long[] {1, scores[l].length, 1}, scores[l]));
            }
            for (int l = 0; l < plan.levels(); l++) {
                out.add(new Tensor("bbox_" + plan.stride(l), new long[] {1, scores[l].length, 4}, boxes[l]));
            }
            if (kps) {
                for (int l = 0; l < plan.levels(); l++) {
                    out.add(new Tensor("kps_" + plan.stride(l), new long[] {1, scores[l].length, 10}, lms[l]));
                }
            }
            return out;
        }

        /** Numbered outputs with shapes [N, C] and no batch dimension, as the dynamic ONNX models have. */
        List<Tensor> numbered(Random r) {
            List<Tensor> out = new ArrayList<>();
            int id = 400;
            for (Tensor t : named()) {
                long[] s = t.shape();
                out.add(new Tensor(Integer.toString(id++), new long[] {s[1], s[2]}, t.data()));
            }
            Collections.shuffle(out, r);
            return out;
        }
    }

    private void post(String name, String rule, String description, Convention c, float score, float iou, int topK,
                      int imageW, int imageH, Head head, List<Tensor> outputs) throws IOException {
        post(name, rule, description, c, score, iou, topK, 0, MaxNumSelector.Metric.DEFAULT, imageW, imageH, head,
                outputs);
    }

    private void post(String name, String rule, String description, Convention c, float score, float iou, int topK,
                      int maxNum, MaxNumSelector.Metric metric, int imageW, int imageH, Head head, List<Tensor> outputs)
            throws IOException {
        LetterboxParams lb = LetterboxParams.plan(c.letterbox(), imageW, imageH, head.w, head.h);
        suite.add(new PostCase(name, rule, description, c, score, iou, topK, maxNum, metric, lb, outputs));
    }

    private Head randomHead(StridePlan plan, int w, int h, boolean kps, double density) {
        Head head = new Head(plan, w, h, kps);
        for (int l = 0; l < plan.levels(); l++) {
            for (int i = 0; i < head.scores[l].length; i++) {
                head.scores[l][i] = random.nextDouble() < density ? 0.2f + 0.8f * random.nextFloat() : 0.1f * random.nextFloat();
                for (int k = 0; k < 4; k++) {
                    head.boxes[l][4 * i + k] = 0.2f + 3f * random.nextFloat();
                }
                for (int k = 0; k < 10; k++) {
                    head.lms[l][10 * i + k] = 4f * random.nextFloat() - 2f;
                }
            }
        }
        return head;
    }

    private void post() throws IOException {
        for (Convention c : new Convention[] {LITE, IF}) {
            String p = c == LITE ? "lite" : "insightface";
            Head t = new Head(StridePlan.THREE_STRIDES, 64, 64, true);
            t.set(0, t.at(0, 1, 1, 0), 0.5f, 1f).set(0, t.at(0, 5, 5, 0), 0.49999997f, 1f)
                    .set(1, t.at(1, 2, 2, 1), Math.nextUp(0.5f), 1f);
            post("post-" + p + "-threshold-inclusive", "score >= threshold",
                    "a score equal to the threshold passes, one ulp below does not", c, 0.5f, 0.45f, 400, 64, 64, t,
                    t.named());

            Head ties = new Head(StridePlan.THREE_STRIDES, 64, 64, true);
            for (int x = 0; x < 8; x += 2) {
                ties.set(0, ties.at(0, x, 7 - x, 0), 0.75f, 0.8f);
            }
            post("post-" + p + "-ties-keep-order", "ties in score keep decode order",
                    "four disjoint faces with the same score come out in anchor order", c, 0.3f, 0.45f, 400, 64, 64,
                    ties, ties.named());

            Head edge = new Head(StridePlan.THREE_STRIDES, 64, 64, true);
            edge.set(0, edge.at(0, 0, 0, 0), 0.9f, 3f).set(2, edge.at(2, 1, 1, 1), 0.8f, 2.5f);
            post("post-" + p + "-outside-image", c == LITE ? "lite clamps boxes and landmarks to [0, w] x [0, h]"
                            : "insightface does not clamp", "boxes that reach past the image borders", c, 0.3f, 0.45f,
                    400, 48, 40, edge, edge.named());

            Head overlap = new Head(StridePlan.THREE_STRIDES, 64, 64, true);
            overlap.set(0, overlap.at(0, 3, 3, 0), 0.9f, 2f).set(0, overlap.at(0, 3, 3, 1), 0.85f, 2f)
                    .set(0, overlap.at(0, 4, 3, 0), 0.8f, 2f).set(0, overlap.at(0, 6, 3, 0), 0.7f, 2f);
            post("post-" + p + "-nms", c == LITE ? "hard NMS with iou_of (+1 sizes), suppress when iou > t"
                            : "InsightFace nms: keep when ovr <= t", "overlapping boxes at 0, 8 and 24 px offsets", c,
                    0.3f, 0.45f, 400, 64, 64, overlap, overlap.named());
            post("post-" + p + "-nms-zero-iou", c == LITE ? "hard NMS: IoU threshold 0 suppresses any overlap"
                            : "InsightFace nms with threshold 0", "the same boxes with IoU threshold 0", c, 0.3f, 0f, 400,
                    64, 64, overlap, overlap.named());

            Head nan = new Head(StridePlan.THREE_STRIDES, 64, 64, true);
            nan.set(0, nan.at(0, 2, 2, 0), Float.NaN, 1f).set(0, nan.at(0, 6, 6, 0), 0.9f, 1f)
                    .set(1, nan.at(1, 0, 0, 0), Float.POSITIVE_INFINITY, 1f).set(1, nan.at(1, 3, 3, 1), Float.NEGATIVE_INFINITY, 1f);
            post("post-" + p + "-nan-inf-scores", "NaN scores never pass; +inf passes, -inf does not",
                    "NaN, +inf and -inf scores beside a normal face", c, 0.3f, 0.45f, 400, 64, 64, nan, nan.named());

            post("post-" + p + "-empty", "no score above the threshold: no face", "all scores 0", c, 0.3f, 0.45f, 400,
                    64, 64, new Head(StridePlan.THREE_STRIDES, 64, 64, true),
                    new Head(StridePlan.THREE_STRIDES, 64, 64, true).named());

            Head many = randomHead(StridePlan.THREE_STRIDES, 128, 128, true, 0.5);
            post("post-" + p + "-topk", "top-k keeps the k best after NMS", "many random faces, top-k 5", c, 0.3f, 0.45f,
                    5, 300, 200, many, many.named());
            post("post-" + p + "-random", "decode: distances times stride around anchor centres, mapped back through the letterbox",
                    "random faces, odd image size 301x77", c, 0.4f, 0.45f, 400, 301, 77, many, many.named());

            Head six = randomHead(StridePlan.THREE_STRIDES, 96, 64, false, 0.05);
            post("post-" + p + "-outputs-6", "6 outputs: strides 8/16/32, 2 anchors, no landmarks",
                    "a model without landmarks, non-square input", c, 0.3f, 0.45f, 400, 150, 100, six, six.named());
            Head ten = randomHead(StridePlan.FIVE_STRIDES, 128, 128, false, 0.05);
            post("post-" + p + "-outputs-10", "10 outputs: strides 8..128, 1 anchor, no landmarks",
                    "a 5-stride model without landmarks", c, 0.3f, 0.45f, 400, 128, 128, ten, ten.named());
            Head fifteen = randomHead(StridePlan.FIVE_STRIDES, 128, 128, true, 0.05);
            post("post-" + p + "-outputs-15", "15 outputs: strides 8..128, 1 anchor, with landmarks",
                    "a 5-stride model with landmarks", c, 0.3f, 0.45f, 400, 200, 100, fifteen, fifteen.named());
            Head numbered = randomHead(StridePlan.THREE_STRIDES, 96, 64, true, 0.05);
            post("post-" + p + "-numbered-by-shape", "numbered outputs are mapped by shape ([N, C]: C tells the kind, N the stride)",
                    "outputs named by graph numbers, shapes without batch, shuffled", c, 0.3f, 0.45f, 400, 120, 80,
                    numbered, numbered.numbered(random));
        }

        Head caps = new Head(StridePlan.THREE_STRIDES, 320, 320, true);
        for (int l = 0; l < 3; l++) {
            for (int i = 0; i < caps.scores[l].length; i++) {
                caps.set(l, i, 0.31f + 0.6f * (float) ((i * 7919L) % 1000) / 1000f, 0.4f);
            }
        }
        post("post-lite-nms-pre", "lite's cumulative nms_pre truncation (1000, 2000, 4000 by level)",
                "every anchor above the threshold: 3200, 800 and 200 candidates", LITE, 0.3f, 0.45f, 400, 320, 320,
                caps, caps.named());
        post("post-insightface-no-nms-pre", "insightface keeps every candidate (no cap, no nms_pre)",
                "every anchor above the threshold", IF, 0.3f, 0.45f, 400, 320, 320, caps, caps.named());

        Head huge = new Head(StridePlan.THREE_STRIDES, 1280, 1280, false);
        for (int i = 0; i < huge.scores[0].length; i++) {
            huge.scores[0][i] = 0.35f + 0.6f * (float) ((i * 104729L) % 10007) / 10007f;
            for (int k = 0; k < 4; k++) {
                huge.boxes[0][4 * i + k] = 0.3f;
            }
        }
        post("post-lite-candidate-cap", "lite keeps at most 30001 candidates per level, in decode order",
                "51200 stride-8 anchors above the threshold", LITE, 0.3f, 0.45f, 400, 1280, 1280, huge, huge.named());

        Head mx = randomHead(StridePlan.THREE_STRIDES, 128, 128, true, 0.02);
        post("post-insightface-max-num-area", "max_num keeps the largest faces (area)", "max_num 3, metric max", IF,
                0.3f, 0.45f, 400, 3, MaxNumSelector.Metric.MAX, 200, 150, mx, mx.named());
        post("post-insightface-max-num-centred", "max_num keeps large faces near the centre (area - 2 x offset^2)",
                "max_num 3, metric default", IF, 0.3f, 0.45f, 400, 3, MaxNumSelector.Metric.DEFAULT, 200, 150, mx,
                mx.named());
    }

    // ---- level 2: preprocessing ----

    private BgrImage randomImage(int w, int h) {
        byte[] d = new byte[w * h * 3];
        for (int i = 0; i < d.length; i++) {
            // smooth gradients plus noise: exercises both interpolation weights and rounding
            int x = (i / 3) % w;
            int y = (i / 3) / w;
            d[i] = (byte) ((x * 5 + y * 3 + (i % 3) * 80 + random.nextInt(24)) & 255);
        }
        return BgrImage.wrap(d, w, h, w * 3);
    }

    private void pre() throws IOException {
        int[][] sizes = {{1, 1}, {3, 7}, {641, 479}, {1000, 10}, {10, 1000}, {640, 640}, {1280, 1280}, {320, 200},
            {333, 517}};
        for (Convention c : new Convention[] {LITE, IF}) {
            String p = c == LITE ? "lite" : "insightface";
            String rule = c == LITE ? "letterbox CENTERED: r = min(W/w, H/h) in float, (int) sizes, centred; "
                    + "resize = cv::resize INTER_LINEAR; blob (x - 127.5) / 128, RGB, CHW"
                    : "letterbox TOP_LEFT: aspect kept, int() truncation, image at (0, 0); resize = cv::resize "
                    + "INTER_LINEAR; blob (x - 127.5) / 128, RGB, CHW";
            for (int[] s : sizes) {
                suite.add(new PreCase("pre-" + p + "-" + s[0] + "x" + s[1] + "-to-640x640", rule,
                        "a " + s[0] + "x" + s[1] + " image into 640x640", c, 640, 640, randomImage(s[0], s[1])));
            }
            suite.add(new PreCase("pre-" + p + "-333x517-to-320x192", rule, "a non-square input size", c, 320, 192,
                    randomImage(333, 517)));
        }
    }

    // ---- level 3: decoding ----

    private static byte[] encode(BufferedImage bi, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(bi, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    private BufferedImage pattern(int w, int h, int type) {
        BufferedImage bi = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.setRGB(x, y, ((x * 9 + random.nextInt(8)) & 255) << 16 | ((y * 11) & 255) << 8 | ((x * y) & 255));
            }
        }
        return bi;
    }

    /** Inserts an EXIF APP1 segment holding only an orientation tag after the JFIF APP0 segment (the decoder tests use it too). */
    public static byte[] withOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        int app0End = 2 + 2 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        byte[] tiff = littleEndian
                ? new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0,
                    (byte) orientation, 0, 0, 0, 0, 0, 0, 0}
                : new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
                    0, (byte) orientation, 0, 0, 0, 0, 0, 0};
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int len = 2 + exif.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, app0End);
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(tiff, 0, tiff.length);
        out.write(jpeg, app0End, jpeg.length - app0End);
        return out.toByteArray();
    }

    private void decode() throws IOException {
        byte[] jpeg = encode(pattern(37, 23, BufferedImage.TYPE_3BYTE_BGR), "jpg");
        suite.add(new DecodeCase("decode-jpeg-baseline", "JPEG pixels as cv::imread (libjpeg-turbo's integer YCbCr tables)",
                "a baseline 4:2:0 JPEG, odd size 37x23", "image.jpg", jpeg));
        for (int o = 1; o <= 8; o++) {
            suite.add(new DecodeCase("decode-jpeg-exif-" + o + (o % 2 == 0 ? "-mm" : "-ii"),
                    "EXIF orientation applied as cv::imread does", "orientation " + o, "image.jpg",
                    withOrientation(jpeg, o, o % 2 == 1)));
        }
        suite.add(new DecodeCase("decode-png-rgb", "PNG pixels as cv::imread (RGB to BGR)", "an RGB PNG 29x31",
                "image.png", encode(pattern(29, 31, BufferedImage.TYPE_INT_RGB), "png")));
        suite.add(new DecodeCase("decode-png-gray", "a grayscale PNG becomes 3 equal BGR channels, as cv::imread",
                "a gray PNG 17x9", "image.png", encode(pattern(17, 9, BufferedImage.TYPE_BYTE_GRAY), "png")));
        suite.add(new DecodeCase("decode-bmp", "BMP pixels as cv::imread", "a 24-bit BMP 13x11", "image.bmp",
                encode(pattern(13, 11, BufferedImage.TYPE_3BYTE_BGR), "bmp")));
    }
}
