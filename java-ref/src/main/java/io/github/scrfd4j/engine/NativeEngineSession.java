package io.github.scrfd4j.engine;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The shared half of a native session: single-thread enforcement, size checks, use-after-close
 * errors, reusable output arrays and an idempotent close that unregisters from the engine.
 * Subclasses implement {@link #input(int, int)}, {@link #infer(int, int)} and {@link #release()}.
 */
public abstract class NativeEngineSession implements EngineSession {
    private final NativeEngine<?> engine;
    private final String model;
    private final String label;
    private final SingleThreadGuard guard;
    private final List<float[]> arrays = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param model names the model kind for size errors, e.g. "MNN model"
     * @param label names this session in thread errors, e.g. "MNN session"
     */
    protected NativeEngineSession(NativeEngine<?> engine, String model, String label) {
        this.engine = engine;
        this.model = model;
        this.label = label;
        this.guard = new SingleThreadGuard(label);
    }

    @Override
    public final FloatBuffer inputBuffer(int width, int height) {
        checkOpen();
        engine.input().requireSize(model, width, height);
        FloatBuffer b = input(width, height);
        b.clear();
        return b;
    }

    @Override
    public final List<Tensor> run(int width, int height) {
        return guarded(() -> {
            engine.input().requireSize(model, width, height);
            return infer(width, height);
        });
    }

    /** Runs {@code body} as the only thread inside this open session. */
    protected final <T> T guarded(Supplier<T> body) {
        guard.enter();
        try {
            checkOpen();
            return body.get();
        } finally {
            guard.exit();
        }
    }

    /** The native input buffer for {@code 3 x height x width} CHW floats (a size the model accepts). */
    protected abstract FloatBuffer input(int width, int height);

    /** Runs the network on the input buffer and copies every output out, in {@link Engine#outputs()} order. */
    protected abstract List<Tensor> infer(int width, int height);

    /** Frees this session's native objects; called once, under the engine's lock. */
    protected abstract void release();

    /**
     * A float array of {@code n} values for output {@code index}, reused from the last run when it
     * has the same size (a run allocates no output arrays in steady state).
     */
    protected final float[] outputArray(int index, int n) {
        while (arrays.size() <= index) {
            arrays.add(null);
        }
        float[] a = arrays.get(index);
        if (a == null || a.length != n) {
            a = new float[n];
            arrays.set(index, a);
        }
        return a;
    }

    /** Fails once this session or its engine is closed. */
    protected final void checkOpen() {
        if (closed) {
            throw new IllegalStateException(label + " is closed");
        }
        engine.checkOpen();
    }

    @Override
    public final void close() {
        // claims the guard, so that no run can start while the native objects are freed
        guard.enterToClose();
        try {
            synchronized (engine.lock()) {
                if (closed) {
                    return;
                }
                closed = true;
                release();
            }
        } finally {
            guard.exit();
        }
        engine.forget(this);
    }
}
