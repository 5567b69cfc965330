package io.github.scrfd4j.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The sessions an engine has handed out and not yet seen closed, so that closing the engine can
 * close them first: a native session must never outlive the model it runs.
 */
public final class OpenSessions<S extends EngineSession> {
    private final List<S> open = new ArrayList<>();
    private boolean closed;

    /** Registers a new session; fails when the engine is already closed. */
    public synchronized S add(S session) {
        if (closed) {
            session.close();
            throw new IllegalStateException("engine is closed");
        }
        open.add(session);
        return session;
    }

    /** A session closed itself. */
    public synchronized void remove(EngineSession session) {
        open.remove(session);
    }

    /**
     * Closes every open session. Returns false when this was already done (close is idempotent),
     * true the first time, after which the engine frees its own native objects. When a session is
     * running in another thread it cannot be closed: the others are closed, nothing is marked closed,
     * and an {@link IllegalStateException} says so (the engine must not free what a run still uses).
     */
    public boolean closeAll() {
        List<S> copy;
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            copy = new ArrayList<>(open);
        }
        IllegalStateException busy = null;
        for (S s : copy) {
            try {
                s.close();
            } catch (IllegalStateException e) {
                busy = busy == null ? e : busy;
            }
        }
        if (busy != null) {
            synchronized (this) {
                closed = false;
            }
            throw new IllegalStateException("cannot close the engine yet: " + busy.getMessage(), busy);
        }
        return true;
    }
}
