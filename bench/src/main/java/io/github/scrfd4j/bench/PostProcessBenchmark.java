package io.github.scrfd4j.bench;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.FaceComparison;
import io.github.scrfd4j.detect.PostProcessor;
import io.github.scrfd4j.post.NativePostProcessor;
import io.github.scrfd4j.vector.KernelsProvider;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;
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
 * Decode + NMS of SCRFD outputs (640x640, landmarks, lite.ai.toolkit semantics): java-ref scalar,
 * java-ref Vector API, and our C++ through JavaCPP reading outputs already in native memory, as a
 * native engine leaves them. Set-up fails the run unless all three give the same faces.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR, BenchJvm.OPEN_NIO, BenchJvm.HEADLESS})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class PostProcessBenchmark {
    @Param({"4.jpg", "6.jpg", "stress-few", "stress-many", "stress-overlap"})
    public String input;

    private BenchData.Outputs out;
    private PostProcessor scalar;
    private PostProcessor vector;
    private NativePostProcessor nat;
    private PointerPointer<FloatPointer> scores;
    private PointerPointer<FloatPointer> boxes;
    private PointerPointer<FloatPointer> kps;
    private FloatPointer[] owned;

    @Setup(Level.Trial)
    public void setUp() {
        out = BenchData.outputs(input);
        scalar = new PostProcessor(Convention.LITE_AI_TOOLKIT, 0.3f, 0.45f, 400, KernelsProvider.scalar());
        vector = new PostProcessor(Convention.LITE_AI_TOOLKIT, 0.3f, 0.45f, 400, KernelsProvider.vector());
        nat = new NativePostProcessor(0.3f, 0.45f, 400);
        scores = new PointerPointer<>(3);
        boxes = new PointerPointer<>(3);
        kps = new PointerPointer<>(3);
        owned = new FloatPointer[9];
        for (int l = 0; l < 3; l++) {
            scores.put(l, stage(l, out.tensors().get(out.layout().scoreIndex(l)).data()));
            boxes.put(l, stage(3 + l, out.tensors().get(out.layout().boxIndex(l)).data()));
            kps.put(l, stage(6 + l, out.tensors().get(out.layout().landmarkIndex(l)).data()));
        }
        List<Face> s = javaScalar();
        List<Face> v = javaVector();
        List<Face> c = nativeCpp();
        Equivalence.require("vector vs scalar (" + input + ")", FaceComparison.EXACT.firstDifferenceInOrder(s, v));
        Optional<String> d = new FaceComparison(0.9999, 1e-6, 1e-4).firstDifferenceInOrder(s, c);
        Equivalence.require("C++ vs Java (" + input + ")", d);
        if (s.isEmpty()) {
            throw new IllegalStateException(input + ": no faces, the case measures nothing");
        }
    }

    private FloatPointer stage(int slot, float[] data) {
        owned[slot] = new FloatPointer(data);
        return owned[slot];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        nat.close();
        for (FloatPointer p : owned) {
            p.close();
        }
        scores.close();
        boxes.close();
        kps.close();
    }

    @Benchmark
    public List<Face> javaScalar() {
        return scalar.process(out.tensors(), out.layout(), out.letterbox());
    }

    @Benchmark
    public List<Face> javaVector() {
        return vector.process(out.tensors(), out.layout(), out.letterbox());
    }

    @Benchmark
    public List<Face> nativeCpp() {
        return nat.process(scores, boxes, kps, out.layout().plan(), out.letterbox());
    }
}
