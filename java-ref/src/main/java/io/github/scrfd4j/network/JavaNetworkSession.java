package io.github.scrfd4j.network;

import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.SingleThreadGuard;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.onnx.OnnxFormatException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread's run context: the arrays of the current plan, its worker threads, and the input buffer
 * (a heap buffer over the input array, which the detector fills in place). Output tensors wrap the
 * session's own arrays and stay valid until the next run, as with the other engines.
 */
final class JavaNetworkSession implements EngineSession {
    private final JavaNetwork engine;
    private final Workers workers;
    private final SingleThreadGuard guard = new SingleThreadGuard("Java network session");
    private Plan plan;
    private float[][] buffers;
    private FloatBuffer input;
    private long[][] outputShapes;
    private boolean closed;

    JavaNetworkSession(JavaNetwork engine) {
        this.engine = engine;
        this.workers = new Workers(engine.threads(), "scrfd4j-java-network");
    }

    @Override
    public FloatBuffer inputBuffer(int width, int height) {
        guard.enter();
        try {
            checkOpen();
            engine.input().requireSize("model", width, height);
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("input size must be positive, got " + width + "x" + height);
            }
            Plan p;
            try {
                p = engine.plan(width, height);
            } catch (OnnxFormatException e) {
                throw new EngineException("the Java network cannot run " + engine.model() + " at " + width + "x" + height
                        + ": " + e.getMessage(), e);
            }
            if (p != plan) {
                bind(p);
            }
            input.clear();
            return input;
        } finally {
            guard.exit();
        }
    }

    private void bind(Plan p) {
        float[][] b = new float[p.slotSizes.length][];
        for (int i = 0; i < b.length; i++) {
            b[i] = new float[p.slotSizes[i]];
        }
        workers.ensureScratch(p.scratch);
        long[][] shapes = new long[p.outputs.size()][];
        for (int i = 0; i < shapes.length; i++) {
            int[] s = p.outputs.get(i).shape();
            shapes[i] = new long[s.length];
            for (int d = 0; d < s.length; d++) {
                shapes[i][d] = s[d];
            }
        }
        buffers = b;
        outputShapes = shapes;
        input = FloatBuffer.wrap(b[p.inputSlot]);
        plan = p;
    }

    @Override
    public List<Tensor> run(int width, int height) {
        guard.enter();
        try {
            checkOpen();
            if (plan == null || plan.width != width || plan.height != height) {
                throw new IllegalStateException("call inputBuffer(" + width + ", " + height + ") before run");
            }
            for (Layer l : plan.layers) {
                l.run(buffers, workers);
            }
            List<Tensor> out = new ArrayList<>(plan.outputs.size());
            for (int i = 0; i < plan.outputs.size(); i++) {
                Plan.Output o = plan.outputs.get(i);
                out.add(new Tensor(o.name(), outputShapes[i], buffers[o.slot()]));
            }
            return out;
        } finally {
            guard.exit();
        }
    }

    Plan plan() {
        return plan;
    }

    /** Runs some of the current plan's layers (for {@link LayerProfile}). */
    void runLayers(List<Layer> ls) {
        guard.enter();
        try {
            checkOpen();
            for (Layer l : ls) {
                l.run(buffers, workers);
            }
        } finally {
            guard.exit();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("engine session is closed");
        }
        engine.checkOpen();
    }

    @Override
    public void close() {
        guard.enterToClose();
        try {
            if (!closed) {
                closed = true;
                workers.close();
                buffers = null;
            }
        } finally {
            guard.exit();
        }
    }
}
