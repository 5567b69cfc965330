package io.github.scrfd4j.bench;

import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.Blob;
import io.github.scrfd4j.image.BlobOptions;
import io.github.scrfd4j.image.Letterbox;
import io.github.scrfd4j.network.JavaNetwork;
import io.github.scrfd4j.network.LayerProfile;
import io.github.scrfd4j.decode.Convention;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The pure-Java network's per-operator breakdown: the layers of one kind ("Conv 3x3", "MaxPool", ...)
 * run alone over a session's arrays after a full run on 4.jpg's tensor, and "all" for the whole run,
 * so that each kind's share of the inference time (and each convolution kind's GFLOP/s) shows. Set-up
 * requires the whole run's outputs to be within 1e-4 of ONNX Runtime's.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR, BenchJvm.OPEN_NIO, BenchJvm.HEADLESS})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class JavaNetworkLayersBenchmark {
    /** "all", or a layer kind of the 2.5g 640x640 model. */
    @Param({"all", "Conv 3x3", "Conv 3x3 s2", "Conv 1x1", "MaxPool", "AveragePool", "Add", "Relu", "Resize",
        "Transpose", "Mul", "Sigmoid"})
    public String kind;

    @Param({"1"})
    public int threads;

    private JavaNetwork network;
    private EngineSession session;
    private LayerProfile profile;

    @Setup(Level.Trial)
    public void setUp() {
        int side = BenchData.SIDE;
        network = new JavaNetwork(BenchData.model(BenchData.ONNX), threads);
        session = network.openSession();
        BgrImage canvas = BgrImage.allocate(side, side);
        new Letterbox().apply(BenchData.image("4.jpg"), Convention.LITE_AI_TOOLKIT.letterbox(), canvas);
        float[] tensor = new float[3 * side * side];
        new Blob().write(canvas, BlobOptions.SCRFD, tensor, 0);
        FloatBuffer in = session.inputBuffer(side, side);
        in.put(tensor);
        List<Tensor> mine = session.run(side, side);
        try (OrtEngine ort = new OrtEngine(BenchData.model(BenchData.ONNX), 1); EngineSession o = ort.openSession()) {
            o.inputBuffer(side, side).put(tensor);
            Map<String, float[]> ref = new HashMap<>();
            for (Tensor t : o.run(side, side)) {
                ref.put(t.name(), t.data());
            }
            for (Tensor t : mine) {
                Equivalence.requireClose("Java network " + t.name() + " vs ONNX Runtime", ref.get(t.name()), t.data(), 1e-4f);
            }
        }
        profile = LayerProfile.of(session);
        if (!kind.equals("all")) {
            profile.run(kind); // fails at once for a kind the model does not have
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        network.close();
    }

    @Benchmark
    public Object layers() {
        return kind.equals("all") ? session.run(BenchData.SIDE, BenchData.SIDE) : profile.run(kind);
    }
}
