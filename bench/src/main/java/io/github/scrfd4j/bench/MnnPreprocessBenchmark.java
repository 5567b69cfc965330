package io.github.scrfd4j.bench;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.PostProcessor;
import io.github.scrfd4j.engine.mnn.MnnEngine;
import io.github.scrfd4j.engine.mnn.MnnEngineSession;
import io.github.scrfd4j.engine.mnn.MnnOptions;
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
 * Java letterbox + tensor (Vector API) into MNN's input against MNN's own {@code ImageProcess}
 * (resize, BGR to RGB, mean and normal in one pass). MNN resamples differently from OpenCV, so
 * set-up compares the faces the network finds from both inputs (same people, IoU >= 0.8).
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR, BenchJvm.OPEN_NIO, BenchJvm.HEADLESS})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class MnnPreprocessBenchmark {
    @Param({"1.jpg", "4.jpg", "6.jpg", "9.jpg", "12.jpg"})
    public String photo;

    private MnnEngine engine;
    private MnnEngineSession session;
    private BgrImage image;
    private BgrImage canvas;
    private final Letterbox letterbox = new Letterbox();
    private Blob blob;
    private LetterboxParams lb;
    private float[] scratch;

    @Setup(Level.Trial)
    public void setUp() {
        engine = new MnnEngine(BenchData.model(BenchData.MNN), MnnOptions.CPU);
        session = engine.openSession();
        image = BenchData.image(photo);
        canvas = BgrImage.allocate(BenchData.SIDE, BenchData.SIDE);
        blob = new Blob(KernelsProvider.vector());
        scratch = new float[3 * BenchData.SIDE * BenchData.SIDE];
        lb = LetterboxParams.plan(Convention.LITE_AI_TOOLKIT.letterbox(), image.width(), image.height(),
                BenchData.SIDE, BenchData.SIDE);
        OutputLayout layout = OutputLayout.infer(engine.outputs(), BenchData.SIDE, BenchData.SIDE);
        PostProcessor post = new PostProcessor(Convention.LITE_AI_TOOLKIT, 0.3f, 0.45f, 400, KernelsProvider.get());
        javaPreprocess();
        List<Face> fromJava = post.process(session.run(BenchData.SIDE, BenchData.SIDE), layout, lb);
        List<Face> fromMnn = post.process(session.runFromBgr(image, lb), layout, lb);
        int matched = 0;
        for (Face f : fromJava) {
            double best = fromMnn.stream().mapToDouble(g -> g.box().iou(f.box())).max().orElse(0);
            matched += best >= 0.8 ? 1 : 0;
        }
        if (matched < fromJava.size() - 1 || Math.abs(fromJava.size() - fromMnn.size()) > 1) {
            throw new IllegalStateException("not equivalent, refusing to time: " + photo + ": Java input gives "
                    + fromJava.size() + " faces, ImageProcess input " + fromMnn.size() + ", matched " + matched);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        engine.close();
    }

    @Benchmark
    public FloatBuffer javaPreprocess() {
        letterbox.apply(image, Convention.LITE_AI_TOOLKIT.letterbox(), canvas);
        FloatBuffer in = session.inputBuffer(BenchData.SIDE, BenchData.SIDE);
        blob.write(canvas, BlobOptions.SCRFD, in, scratch);
        return in;
    }

    @Benchmark
    public void mnnImageProcess() {
        session.preprocessBgr(image, lb);
    }
}
