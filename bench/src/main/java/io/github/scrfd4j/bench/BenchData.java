package io.github.scrfd4j.bench;

import io.github.scrfd4j.anchors.StridePlan;
import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.Blob;
import io.github.scrfd4j.image.BlobOptions;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.image.Letterbox;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.vector.KernelsProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark inputs: the photos and models of ../shared (found through {@code -Dscrfd.shared}), raw
 * network outputs captured from ONNX Runtime at set-up (never committed), and synthetic stress
 * outputs made here from fixed seeds.
 */
public final class BenchData {
    public static final String ONNX = "scrfd_2.5g_bnkps_shape640x640.onnx";
    public static final String MNN = "scrfd_2.5g_bnkps_shape640x640.mnn";
    public static final String TNN_PROTO = "scrfd_2.5g_bnkps_shape640x640.opt.tnnproto";
    public static final String TNN_MODEL = "scrfd_2.5g_bnkps_shape640x640.opt.tnnmodel";
    public static final String NCNN_PARAM = "scrfd_2.5g_bnkps_shape640x640.opt.param";
    public static final String NCNN_BIN = "scrfd_2.5g_bnkps_shape640x640.opt.bin";
    public static final int SIDE = 640;

    private BenchData() {
    }

    /**
     * The shared models and photos: {@code -Dscrfd.shared}, else {@code $SCRFD_SHARED}, else
     * {@code ../shared} or {@code ../../shared} (run from the repository root or from {@code bench/}, as
     * JMH's forks keep the working directory); null when none holds {@code models/}.
     */
    public static Path shared() {
        String p = System.getProperty("scrfd.shared");
        if (p == null) {
            p = System.getenv("SCRFD_SHARED");
        }
        List<Path> candidates = p != null ? List.of(Paths.get(p)) : List.of(Paths.get("../shared"), Paths.get("../../shared"));
        for (Path dir : candidates) {
            if (Files.isDirectory(dir.resolve("models"))) {
                return dir.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    static Path requireShared() {
        Path s = shared();
        if (s == null) {
            throw new IllegalStateException("../shared not found: pass -Dscrfd.shared=DIR (models/ and testdata/images/)");
        }
        return s;
    }

    public static Path model(String file) {
        return requireShared().resolve("models").resolve(file);
    }

    public static Path photo(String name) {
        return requireShared().resolve("testdata/images").resolve(name);
    }

    public static BgrImage image(String name) {
        return ImageDecoder.read(BenchPhotos.photo(name));
    }

    /** Raw outputs and letterbox of one input: a photo through ONNX Runtime, or a stress case. */
    public record Outputs(List<Tensor> tensors, OutputLayout layout, LetterboxParams letterbox) {
    }

    public static Outputs outputs(String input) {
        return input.startsWith("stress-") ? stress(input) : photoOutputs(input);
    }

    static Outputs photoOutputs(String photo) {
        BgrImage img = image(photo);
        BgrImage canvas = BgrImage.allocate(SIDE, SIDE);
        LetterboxParams lb = new Letterbox().apply(img, Convention.LITE_AI_TOOLKIT.letterbox(), canvas);
        try (OrtEngine ort = new OrtEngine(model(ONNX), 1); EngineSession s = ort.openSession()) {
            new Blob(KernelsProvider.scalar()).write(canvas, BlobOptions.SCRFD, s.inputBuffer(SIDE, SIDE),
                    new float[3 * SIDE * SIDE]);
            List<Tensor> out = new ArrayList<>();
            for (Tensor t : s.run(SIDE, SIDE)) {
                out.add(new Tensor(t.name(), t.shape(), t.data().clone()));
            }
            return new Outputs(out, layoutOf(out), lb);
        }
    }

    static OutputLayout layoutOf(List<Tensor> out) {
        List<TensorInfo> infos = new ArrayList<>();
        for (Tensor t : out) {
            infos.add(t.info());
        }
        return OutputLayout.infer(infos, SIDE, SIDE);
    }

    /**
     * stress-few: 10 confident anchors; stress-many: 6,000 anchors above threshold scattered over
     * the image; stress-overlap: 40 faces each claimed by 60 neighbouring anchors (heavy suppression).
     */
    static Outputs stress(String kind) {
        StridePlan plan = StridePlan.THREE_STRIDES;
        Random rnd = new Random(kind.hashCode());
        List<Tensor> out = new ArrayList<>();
        float[][] scores = new float[3][];
        float[][] boxes = new float[3][];
        float[][] kps = new float[3][];
        for (int l = 0; l < 3; l++) {
            int n = plan.anchorCount(l, SIDE, SIDE);
            scores[l] = new float[n];
            boxes[l] = new float[4 * n];
            kps[l] = new float[10 * n];
            for (int i = 0; i < n; i++) {
                scores[l][i] = rnd.nextFloat() * 0.2f;
            }
            for (int i = 0; i < 4 * n; i++) {
                boxes[l][i] = 0.5f + rnd.nextFloat() * 2.5f;
            }
            for (int i = 0; i < 10 * n; i++) {
                kps[l][i] = rnd.nextFloat() * 4f - 2f;
            }
        }
        switch (kind) {
            case "stress-few":
                for (int k = 0; k < 10; k++) {
                    scores[0][rnd.nextInt(scores[0].length)] = 0.9f;
                }
                break;
            case "stress-many":
                for (int k = 0; k < 6000; k++) {
                    int l = rnd.nextInt(3);
                    scores[l][rnd.nextInt(scores[l].length)] = 0.3f + rnd.nextFloat() * 0.7f;
                }
                break;
            case "stress-overlap":
                int gw = SIDE / 8;
                for (int f = 0; f < 40; f++) {
                    int cx = 2 + rnd.nextInt(gw - 4);
                    int cy = 2 + rnd.nextInt(gw - 4);
                    for (int k = 0; k < 60; k++) {
                        int x = Math.min(gw - 1, Math.max(0, cx + rnd.nextInt(5) - 2));
                        int y = Math.min(gw - 1, Math.max(0, cy + rnd.nextInt(5) - 2));
                        int i = (y * gw + x) * 2 + rnd.nextInt(2);
                        scores[0][i] = 0.5f + rnd.nextFloat() * 0.5f;
                        for (int j = 0; j < 4; j++) {
                            boxes[0][4 * i + j] = 2.5f + rnd.nextFloat() * 0.5f;
                        }
                    }
                }
                break;
            default:
                throw new IllegalArgumentException("unknown stress case " + kind);
        }
        String[] prefix = {"score_", "bbox_", "kps_"};
        float[][][] all = {scores, boxes, kps};
        int[] cols = {1, 4, 10};
        for (int k = 0; k < 3; k++) {
            for (int l = 0; l < 3; l++) {
                int s = plan.stride(l);
                out.add(new Tensor(prefix[k] + s, new long[] {1, scores[l].length, cols[k]}, all[k][l]));
            }
        }
        LetterboxParams lb = LetterboxParams.plan(Convention.LITE_AI_TOOLKIT.letterbox(), 1500, 895, SIDE, SIDE);
        return new Outputs(out, layoutOf(out), lb);
    }
}
