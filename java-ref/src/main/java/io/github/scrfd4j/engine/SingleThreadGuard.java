package io.github.scrfd4j.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns concurrent use of a single-thread native object into an {@link IllegalStateException}
 * instead of a corrupted run or a crash: a native session entered by a second thread while the
 * first is inside it, or closed while it runs.
 */
public final class SingleThreadGuard {
    private final String what;
    private final AtomicReference<Thread> inside = new AtomicReference<>();

    public SingleThreadGuard(String what) {
        this.what = what;
    }

    /** Marks the calling thread as inside; throws when another thread already is. */
    public void enter() {
        Thread me = Thread.currentThread();
        if (!inside.compareAndSet(null, me)) {
            Thread other = inside.get();
            if (other == me) {
                return;
            }
            throw new IllegalStateException(what + " is not thread-safe and is in use by thread '"
                    + (other == null ? "?" : other.getName()) + "': give each thread its own session"
                    + " (the Detector does this for you)");
        }
    }

    /** Leaves; call in a finally block after {@link #enter}. */
    public void exit() {
        inside.compareAndSet(Thread.currentThread(), null);
    }

    /**
     * For close(): enters like {@link #enter()} (so no run can start until {@link #exit()}), failing
     * when another thread is inside.
     */
    public void enterToClose() {
        Thread me = Thread.currentThread();
        if (!inside.compareAndSet(null, me) && inside.get() != me) {
            Thread other = inside.get();
            throw new IllegalStateException("cannot close " + what + " while thread '"
                    + (other == null ? "?" : other.getName()) + "' runs it");
        }
    }

    /** Fails when another thread is inside. */
    public void checkIdle() {
        Thread other = inside.get();
        if (other != null && other != Thread.currentThread()) {
            throw new IllegalStateException("cannot close " + what + " while thread '" + other.getName() + "' runs it");
        }
    }
}
