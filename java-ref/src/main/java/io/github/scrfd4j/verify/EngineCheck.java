package io.github.scrfd4j.verify;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.FaceComparison;
import io.github.scrfd4j.detect.PostProcessor;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.Blob;
import io.github.scrfd4j.image.BlobOptions;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.image.Letterbox;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.vector.KernelsProvider;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Numeric self-check of an engine against a reference engine (ONNX Runtime) on the same model:
 * identical input tensors (synthetic ones made here, and the letterboxed photos), raw outputs
 * compared tensor by tensor, then faces. Scores may differ by at most {@link #SCORE_TOLERANCE}, box
 * and landmark offsets (in stride units) by at most {@link #OFFSET_TOLERANCE}.
 *
 * <p>Why: a runtime can compute wrong numbers without any error (TNN's x86 kernels built with
 * {@code -ffast-math} shift SCRFD's FPN upsampling by a pixel), and only a comparison shows it.
 */
public final class EngineCheck {
    public static final double SCORE_TOLERANCE = 1e-3;
    public static final double OFFSET_TOLERANCE = 1e-2;

    private final Engine engine;
    private final Engine reference;

    public EngineCheck(Engine engine, Engine reference) {
        this.engine = engine;
        this.reference = reference;
    }

    /** Runs the synthetic inputs and the given photos (may be empty). */
    public EngineCheckReport run(List<Path> photos) {
        int w = engine.input().dynamic() ? 640 : engine.input().width();
        int h = engine.input().dynamic() ? 640 : engine.input().height();
        OutputLayout layout = OutputLayout.infer(engine.outputs(), w, h);
        Map<String, double[]> stats = new LinkedHashMap<>(); // name -> {max, sum, count}
        Map<String, String> worst = new LinkedHashMap<>();
        List<String> faces = new ArrayList<>();
        int inputs = 0;
        try (EngineSession a = engine.openSession(); EngineSession b = reference.openSession()) {
            float[] tensor = new float[3 * w * h];
            for (Map.Entry<String, float[]> in : synthetic(w, h).entrySet()) {
                compare(a, b, in.getValue(), w, h, in.getKey(), stats, worst);
                inputs++;
            }
            PostProcessor post = new PostProcessor(Convention.LITE_AI_TOOLKIT, 0.3f, 0.45f, 400,
                    KernelsProvider.get());
            for (Path photo : photos) {
                BgrImage canvas = BgrImage.allocate(w, h);
                LetterboxParams lb = new Letterbox().apply(ImageDecoder.read(photo),
                        Convention.LITE_AI_TOOLKIT.letterbox(), canvas);
                new Blob().write(canvas, BlobOptions.SCRFD, tensor, 0);
                List<Tensor>[] outs = compare(a, b, tensor, w, h, photo.getFileName().toString(), stats, worst);
                inputs++;
                List<Face> mine = post.process(outs[0], layout, lb);
                List<Face> ref = post.process(outs[1], OutputLayout.infer(infos(outs[1]), w, h), lb);
                Optional<String> d = new FaceComparison(0.99, 0.001, 0.5).firstDifferenceMatched(ref, mine);
                faces.add(photo.getFileName() + ": " + mine.size() + " faces (reference " + ref.size() + ")"
                        + d.map(s -> "; " + s).orElse("; same faces"));
            }
        }
        List<OutputDiff> diffs = new ArrayList<>();
        for (int level = 0; level < layout.plan().levels(); level++) {
            addDiff(diffs, engine.outputs().get(layout.scoreIndex(level)).name(), "score", SCORE_TOLERANCE, stats, worst);
        }
        for (int level = 0; level < layout.plan().levels(); level++) {
            addDiff(diffs, engine.outputs().get(layout.boxIndex(level)).name(), "box", OFFSET_TOLERANCE, stats, worst);
        }
        if (layout.hasLandmarks()) {
            for (int level = 0; level < layout.plan().levels(); level++) {
                addDiff(diffs, engine.outputs().get(layout.landmarkIndex(level)).name(), "landmark",
                        OFFSET_TOLERANCE, stats, worst);
            }
        }
        return new EngineCheckReport(diffs, faces, inputs);
    }

    private static List<io.github.scrfd4j.engine.TensorInfo> infos(List<Tensor> ts) {
        List<io.github.scrfd4j.engine.TensorInfo> out = new ArrayList<>();
        for (Tensor t : ts) {
            out.add(t.info());
        }
        return out;
    }

    private static void addDiff(List<OutputDiff> diffs, String name, String kind, double tol,
                                Map<String, double[]> stats, Map<String, String> worst) {
        double[] s = stats.get(name);
        if (s == null) {
            diffs.add(new OutputDiff(name, kind, Double.NaN, Double.NaN, tol, "(missing in reference outputs)"));
            return;
        }
        diffs.add(new OutputDiff(name, kind, s[0], s[1] / Math.max(1, s[2]), tol, worst.get(name)));
    }

    /** Inputs that need no files: reproducible, and hard to get right by accident. */
    static Map<String, float[]> synthetic(int w, int h) {
        Map<String, float[]> m = new LinkedHashMap<>();
        m.put("zeros", new float[3 * w * h]);
        float[] noise = new float[3 * w * h];
        Random rnd = new Random(20261125);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = rnd.nextFloat() * 2f - 1f;
        }
        m.put("uniform noise (seed 20261125)", noise);
        float[] grad = new float[3 * w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    grad[(c * h + y) * w + x] = (float) Math.sin((x * (c + 1) + y * 0.5) / 17.0);
                }
            }
        }
        m.put("sine gradient", grad);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Tensor>[] compare(EngineSession a, EngineSession b, float[] tensor, int w, int h, String label,
                                          Map<String, double[]> stats, Map<String, String> worst) {
        List<Tensor> outA = run(a, tensor, w, h);
        List<Tensor> outB = run(b, tensor, w, h);
        Map<String, Tensor> byName = new LinkedHashMap<>();
        for (Tensor t : outB) {
            byName.put(t.name(), t);
        }
        for (Tensor t : outA) {
            Tensor r = byName.get(t.name());
            if (r == null || r.data().length != t.data().length) {
                continue; // reported as missing
            }
            float[] x = t.data();
            float[] y = r.data();
            double max = 0;
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                double d = Math.abs((double) x[i] - y[i]);
                if (!(d <= max)) {
                    max = d; // NaN sticks
                }
                sum += d;
            }
            double[] s = stats.computeIfAbsent(t.name(), k -> new double[3]);
            if (!(max <= s[0])) {
                s[0] = max;
                worst.put(t.name(), label);
            }
            s[1] += sum;
            s[2] += x.length;
        }
        return new List[] {copy(outA), outB};
    }

    private static List<Tensor> copy(List<Tensor> ts) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : ts) {
            out.add(new Tensor(t.name(), t.shape(), t.data().clone()));
        }
        return out;
    }

    private static List<Tensor> run(EngineSession s, float[] tensor, int w, int h) {
        FloatBuffer in = s.inputBuffer(w, h);
        in.duplicate().put(tensor);
        return s.run(w, h);
    }
}
