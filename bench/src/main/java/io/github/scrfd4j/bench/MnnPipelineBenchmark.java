package io.github.scrfd4j.bench;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.engine.mnn.MnnEngine;
import io.github.scrfd4j.engine.mnn.MnnEngineSession;
import io.github.scrfd4j.engine.mnn.MnnOptions;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.post.NativePostProcessor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JNI boundary's cost: Java {@code Detector.detect} with the MNN engine against the same
 * pipeline driven natively (MNN ImageProcess, runSession, our C++ post-processing on MNN's host
 * tensors). Set-up requires the same people in both (IoU >= 0.8: the resamplers differ).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class MnnPipelineBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"4.jpg"})
    public String photo;

    private Detector detector;
    private MnnEngine engine;
    private MnnEngineSession session;
    private NativePostProcessor post;
    private MnnNativePipeline pipeline;
    private OutputLayout layout;
    private BgrImage image;
    private LetterboxParams lb;

    @Setup(Level.Trial)
    public void setUp() {
        image = BenchData.image(photo);
        detector = new Detector(new MnnEngine(BenchData.model(BenchData.MNN), MnnOptions.CPU.withThreads(threads)),
                DetectorOptions.DEFAULTS);
        engine = new MnnEngine(BenchData.model(BenchData.MNN), MnnOptions.CPU.withThreads(threads));
        session = engine.openSession();
        post = new NativePostProcessor(0.3f, 0.45f, 400);
        layout = OutputLayout.infer(engine.outputs(), BenchData.SIDE, BenchData.SIDE);
        pipeline = new MnnNativePipeline(session, layout, post);
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
