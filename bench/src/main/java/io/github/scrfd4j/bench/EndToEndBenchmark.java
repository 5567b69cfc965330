package io.github.scrfd4j.bench;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.FaceComparison;
import io.github.scrfd4j.detect.PostProcessor;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.Blob;
import io.github.scrfd4j.image.BlobOptions;
import io.github.scrfd4j.image.Letterbox;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.vector.KernelsProvider;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code Detector.detect} on 4.jpg per engine and engine thread count, and its three stages timed
 * alone (preprocess, inference, post-process) to show where the time goes. Set-up requires the
 * engine's faces to match ONNX Runtime's (IoU >= 0.99, score within 0.01).
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR, BenchJvm.OPEN_NIO, BenchJvm.HEADLESS})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class EndToEndBenchmark {
    @Param({"ort", "java", "mnn", "tnn", "ncnn"})
    public String engine;

    @Param({"1", "2"})
    public int threads;

    @Param({"4.jpg"})
    public String photo;

    private Detector detector;
    private Engine stageEngine;
    private EngineSession session;
    private BgrImage image;
    private BgrImage canvas;
    private final Letterbox letterbox = new Letterbox();
    private final Blob blob = new Blob(KernelsProvider.get());
    private PostProcessor post;
    private OutputLayout layout;
    private LetterboxParams lb;
    private List<Tensor> outputs;
    private float[] scratch;

    @Setup(Level.Trial)
    public void setUp() {
        image = BenchData.image(photo);
        detector = new Detector(Engines.open(engine, threads), DetectorOptions.DEFAULTS);
        List<Face> mine = detector.detect(image);
        try (Detector ref = new Detector(new OrtEngine(BenchData.model(BenchData.ONNX), 1), DetectorOptions.DEFAULTS)) {
            Equivalence.require(engine + " vs ONNX Runtime faces",
                    new FaceComparison(0.99, 0.01, 1.0).firstDifferenceMatched(ref.detect(image), mine));
        }
        stageEngine = Engines.open(engine, threads);
        session = stageEngine.openSession();
        canvas = BgrImage.allocate(BenchData.SIDE, BenchData.SIDE);
        scratch = new float[3 * BenchData.SIDE * BenchData.SIDE];
        post = new PostProcessor(Convention.LITE_AI_TOOLKIT, 0.3f, 0.45f, 400, KernelsProvider.get());
        layout = detector.layout();
        stagePreprocess();
        outputs = stageInference();
        List<Face> staged = stagePostprocess();
        Equivalence.require("stages vs detect", FaceComparison.EXACT.firstDifferenceInOrder(mine, staged));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        detector.close();
        session.close();
        stageEngine.close();
    }

    @Benchmark
    public List<Face> detect() {
        return detector.detect(image);
    }

    @Benchmark
    public FloatBuffer stagePreprocess() {
        lb = letterbox.apply(image, Convention.LITE_AI_TOOLKIT.letterbox(), canvas);
        FloatBuffer in = session.inputBuffer(BenchData.SIDE, BenchData.SIDE);
        blob.write(canvas, BlobOptions.SCRFD, in, scratch);
        return in;
    }

    @Benchmark
    public List<Tensor> stageInference() {
        return session.run(BenchData.SIDE, BenchData.SIDE);
    }

    @Benchmark
    public List<Face> stagePostprocess() {
        return post.process(outputs, layout, lb);
    }
}
