package io.github.scrfd4j.engine;

import java.util.List;

/**
 * What every engine over a native runtime with per-thread sessions shares: the model's input and
 * outputs, one lock for creating and freeing native objects, the open sessions (closed before the
 * model is freed), and use-after-close as an {@link IllegalStateException}. Subclasses add only
 * what is theirs: loading, {@link #newSession()} and {@link #release()}.
 *
 * @param <S> the engine's session type
 */
public abstract class NativeEngine<S extends NativeEngineSession> implements Engine {
    private final String label;
    private final Object lock = new Object();
    private final OpenSessions<S> sessions = new OpenSessions<>();
    private volatile boolean closed;
    private InputSpec input;
    private List<TensorInfo> outputs;

    /** @param label names the engine in messages, e.g. "MNN engine for scrfd.mnn" */
    protected NativeEngine(String label) {
        this.label = label;
    }

    /** Records what a probe session found; call once from the constructor. */
    protected final void describe(InputSpec input, List<TensorInfo> outputs) {
        this.input = input;
        this.outputs = List.copyOf(outputs);
    }

    /** Held while native objects of this engine are created or freed. */
    public final Object lock() {
        return lock;
    }

    /** Fails with an {@link IllegalStateException} once the engine is closed. */
    public final void checkOpen() {
        if (closed) {
            throw new IllegalStateException(label + " is closed");
        }
    }

    @Override
    public final InputSpec input() {
        return input;
    }

    @Override
    public final List<TensorInfo> outputs() {
        return outputs;
    }

    @Override
    public final S openSession() {
        // under the lock: the model cannot be released between the check and the registration
        synchronized (lock) {
            checkOpen();
            return sessions.add(newSession());
        }
    }

    /** Creates a session with its native context, under {@link #lock()}; frees what it made if it fails. */
    protected abstract S newSession();

    final void forget(NativeEngineSession session) {
        sessions.remove(session);
    }

    /** Closes every session still open, then frees the model ({@link #release()}). Idempotent. */
    @Override
    public final void close() {
        if (!sessions.closeAll()) {
            return;
        }
        synchronized (lock) {
            closed = true;
            release();
        }
    }

    /** Frees the model's native objects; called once, under {@link #lock()}, after every session closed. */
    protected abstract void release();
}
