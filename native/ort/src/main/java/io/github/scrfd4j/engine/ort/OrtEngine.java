package io.github.scrfd4j.engine.ort;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.ValueInfo;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.engine.TensorInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ONNX Runtime (CPU) engine for {@code .onnx} SCRFD models, from Maven Central's
 * {@code com.microsoft.onnxruntime:onnxruntime} (x86-64 and aarch64 natives included).
 *
 * <p>One {@link OrtSession} is shared: ONNX Runtime's {@code Run} is thread-safe. Each
 * {@link EngineSession} owns a direct input buffer wrapped by an {@code OnnxTensor} without a copy.
 */
public final class OrtEngine implements Engine {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final Path model;
    private final InputSpec input;
    private final List<TensorInfo> outputs;
    private final List<String> outputNames;
    private final int threads;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Loads a model.
     *
     * @param threads ONNX Runtime intra-op threads (0 = ONNX Runtime's default: one per core)
     */
    public OrtEngine(Path model, int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
        if (!Files.isRegularFile(model)) {
            throw new EngineException("ONNX model not found: " + model);
        }
        this.model = model;
        this.threads = threads;
        this.env = OrtEnvironment.getEnvironment();
        OrtSession s = null;
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            if (threads > 0) {
                opts.setIntraOpNumThreads(threads);
            }
            opts.setInterOpNumThreads(1);
            // dynamic models declare their export-time output sizes; ORT warns on every run otherwise
            opts.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            s = env.createSession(model.toString(), opts);
            this.input = readInput(s, model);
            this.outputs = readOutputs(s);
            this.outputNames = new ArrayList<>(s.getOutputNames());
            this.session = s;
        } catch (OrtException e) {
            closeQuietly(s);
            throw new EngineException("ONNX Runtime cannot load " + model + " (not an ONNX model, or corrupt): "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
    }

    private static void closeQuietly(OrtSession s) {
        if (s != null) {
            try {
                s.close();
            } catch (OrtException ignored) {
                // already failing; the load error is the one to report
            }
        }
    }

    private static InputSpec readInput(OrtSession s, Path model) throws OrtException {
        Map<String, NodeInfo> inputs = s.getInputInfo();
        if (inputs.size() != 1) {
            throw new EngineException("SCRFD models have one image input; " + model + " has " + inputs.keySet());
        }
        NodeInfo n = inputs.values().iterator().next();
        ValueInfo vi = n.getInfo();
        if (!(vi instanceof ai.onnxruntime.TensorInfo)) {
            throw new EngineException("input " + n.getName() + " of " + model + " is not a tensor");
        }
        long[] shape = ((ai.onnxruntime.TensorInfo) vi).getShape();
        if (shape.length != 4 || (shape[1] != 3 && shape[1] > 0)) {
            throw new EngineException("input " + n.getName() + " of " + model + " has shape "
                    + java.util.Arrays.toString(shape) + ", expected [1, 3, H, W]");
        }
        return new InputSpec(n.getName(), (int) shape[3], (int) shape[2]);
    }

    private static List<TensorInfo> readOutputs(OrtSession s) throws OrtException {
        List<TensorInfo> out = new ArrayList<>();
        for (NodeInfo n : s.getOutputInfo().values()) {
            long[] shape = n.getInfo() instanceof ai.onnxruntime.TensorInfo
                    ? ((ai.onnxruntime.TensorInfo) n.getInfo()).getShape() : new long[0];
            out.add(new TensorInfo(n.getName(), shape));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String name() {
        return "onnxruntime " + OrtEnvironment.getEnvironment().getVersion() + " (cpu, "
                + (threads == 0 ? "default" : Integer.toString(threads)) + " threads)";
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

    @Override
    public EngineSession openSession() {
        checkOpen();
        return new OrtEngineSession(this);
    }

    void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("ONNX Runtime engine for " + model + " is closed");
        }
    }

    OrtEnvironment env() {
        return env;
    }

    OrtSession session() {
        return session;
    }

    List<String> outputNames() {
        return outputNames;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                session.close();
            } catch (OrtException e) {
                throw new EngineException("closing ONNX Runtime session for " + model + ": " + e.getMessage(), e);
            }
        }
    }
}
