package io.github.scrfd4j.network;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.engine.TensorInfo;
import io.github.scrfd4j.onnx.OnnxFormatException;
import io.github.scrfd4j.onnx.OnnxModel;
import io.github.scrfd4j.onnx.OnnxNode;
import io.github.scrfd4j.onnx.OnnxReader;
import io.github.scrfd4j.onnx.OnnxValueInfo;
import io.github.scrfd4j.vector.ConvKernels;
import io.github.scrfd4j.vector.KernelsProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SCRFD's ONNX graph run in pure Java: no native library, any JVM. The model is parsed and compiled
 * at load (for a fixed-size model at its size, for a dynamic one at 640x640, then again for each new
 * size a session asks for); sessions hold their own arrays and threads, so a run allocates nothing
 * but the returned output list.
 */
public final class JavaNetwork implements Engine {
    /** The size a dynamic model is compiled for at load, to check it and report its outputs. */
    static final int DEFAULT_SIZE = 640;
    private static final int PLAN_CACHE = 8;

    private final Path model;
    private final OnnxModel onnx;
    private final List<OnnxNode> ordered;
    private final InputSpec input;
    private final List<TensorInfo> outputs;
    private final int threads;
    private final ConvKernels kernels;
    private final Map<Long, Plan> plans = new LinkedHashMap<>(16, 0.75f, true);
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Loads an ONNX model.
     *
     * @param threads threads of each session (0 means 1)
     * @throws EngineException naming the file when it is missing, corrupt or uses what this network does not run
     */
    public JavaNetwork(Path model, int threads) {
        this(model, threads, KernelsProvider.conv());
    }

    /** Loads with the given convolution kernels (scalar or Vector API), for tests and benchmarks. */
    public JavaNetwork(Path model, int threads, ConvKernels kernels) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
        this.model = Objects.requireNonNull(model, "model");
        this.threads = Math.max(1, threads);
        this.kernels = Objects.requireNonNull(kernels, "kernels");
        NetworkWarmup.start(kernels);
        try {
            this.onnx = OnnxReader.read(model);
            this.ordered = Planner.validate(onnx);
            OnnxValueInfo in = onnx.graph().inputs().get(0);
            long[] d = in.dims();
            int w = d[3] > 0 ? (int) Math.min(d[3], Integer.MAX_VALUE) : -1;
            int h = d[2] > 0 ? (int) Math.min(d[2], Integer.MAX_VALUE) : -1;
            this.input = new InputSpec(in.name(), w, h);
            plan(w > 0 ? w : DEFAULT_SIZE, h > 0 ? h : DEFAULT_SIZE);
            List<TensorInfo> outs = new ArrayList<>();
            for (OnnxValueInfo o : onnx.graph().outputs()) {
                outs.add(new TensorInfo(o.name(), o.dims()));
            }
            this.outputs = List.copyOf(outs);
        } catch (OnnxFormatException e) {
            throw new EngineException("the Java network cannot load " + model + ": " + e.getMessage(), e);
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new EngineException("the Java network cannot load " + model + ": " + e, e);
        }
    }

    /** The compiled plan for an input size (cached; the least recently used of more than 8 is dropped). */
    Plan plan(int width, int height) {
        long key = (long) width << 32 | (height & 0xffffffffL);
        synchronized (plans) {
            Plan p = plans.get(key);
            if (p == null) {
                p = Planner.plan(onnx, ordered, width, height, kernels);
                plans.put(key, p);
                if (plans.size() > PLAN_CACHE) {
                    plans.remove(plans.keySet().iterator().next());
                }
            }
            return p;
        }
    }

    @Override
    public String name() {
        return "java network (" + kernels.name() + ", " + threads + (threads == 1 ? " thread)" : " threads)");
    }

    @Override
    public InputSpec input() {
        return input;
    }

    @Override
    public List<TensorInfo> outputs() {
        return outputs;
    }

    /** The model file. */
    public Path model() {
        return model;
    }

    /** Threads each session uses. */
    public int threads() {
        return threads;
    }

    /** The per-operator breakdown of the compiled graph for an input size: kind to multiply-adds. */
    public Map<String, Long> workByKind(int width, int height) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Layer l : plan(width, height).layers) {
            out.merge(l.kind, l.work(), Long::sum);
        }
        return out;
    }

    @Override
    public EngineSession openSession() {
        checkOpen();
        return new JavaNetworkSession(this);
    }

    void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("Java network engine for " + model + " is closed");
        }
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
