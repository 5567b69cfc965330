package io.github.scrfd4j.bench;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.mnn.MnnEngineSession;
import io.github.scrfd4j.engine.ncnn.NcnnEngineSession;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.post.NativePostProcessor;
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
 * The JNI boundary's cost: Java {@code Detector.detect} with an engine against the same pipeline
 * driven natively as lite.ai.toolkit's C++ does it for that runtime (MNN: ImageProcess, runSession;
 * ncnn: from_pixels_resize, copy_make_border, substract_mean_normalize, extractor; then our C++
 * post-processing on the runtime's output tensors). Set-up requires the same people in both
 * (IoU >= 0.8: the resamplers differ).
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR, BenchJvm.OPEN_NIO, BenchJvm.HEADLESS})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class NativePipelineBenchmark {
    @Param({"mnn", "ncnn"})
    public String runtime;

    @Param({"1", "2"})
    public int threads;

    @Param({"4.jpg"})
    public String photo;

    private Detector detector;
    private Engine engine;
    private EngineSession session;
    private NativePostProcessor post;
    private NativePipeline pipeline;
    private BgrImage image;
    private LetterboxParams lb;

    @Setup(Level.Trial)
    public void setUp() {
        image = BenchData.image(photo);
        detector = new Detector(Engines.open(runtime, threads), DetectorOptions.DEFAULTS);
        engine = Engines.open(runtime, threads);
        session = engine.openSession();
        post = new NativePostProcessor(0.3f, 0.45f, 400);
        OutputLayout layout = OutputLayout.infer(engine.outputs(), BenchData.SIDE, BenchData.SIDE);
        pipeline = new NativePipeline(inPlace(session), layout, post);
        lb = LetterboxParams.plan(Convention.LITE_AI_TOOLKIT.letterbox(), image.width(), image.height(),
                BenchData.SIDE, BenchData.SIDE);
        List<Face> a = javaDetect();
        List<Face> b = nativePipeline();
        int matched = 0;
        for (Face f : a) {
            double best = b.stream().mapToDouble(g -> g.box().iou(f.box())).max().orElse(0);
            matched += best >= 0.8 ? 1 : 0;
        }
        if (matched < a.size() - 1 || Math.abs(a.size() - b.size()) > 1) {
            throw new IllegalStateException("not equivalent, refusing to time: Java detect " + a.size()
                    + " faces, native pipeline " + b.size() + ", matched " + matched);
        }
    }

    private static NativePipeline.InPlaceRun inPlace(EngineSession s) {
        if (s instanceof MnnEngineSession) {
            return ((MnnEngineSession) s)::runFromBgrInPlace;
        }
        if (s instanceof NcnnEngineSession) {
            return ((NcnnEngineSession) s)::runFromBgrInPlace;
        }
        throw new IllegalArgumentException("no native pipeline for " + s.getClass().getSimpleName());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        detector.close();
        pipeline.close();
        post.close();
        session.close();
        engine.close();
    }

    @Benchmark
    public List<Face> javaDetect() {
        return detector.detect(image);
    }

    @Benchmark
    public List<Face> nativePipeline() {
        return pipeline.detect(image, lb);
    }
}
