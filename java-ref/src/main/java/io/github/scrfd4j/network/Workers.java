package io.github.scrfd4j.network;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A session's inference threads: the caller plus {@code n - 1} daemon workers that take task indices
 * from a shared counter. Which thread computes a task never changes its result (each output element
 * is computed by one task, in a fixed order), so results do not depend on the thread count. A run is
 * hundreds of parallel steps back to back, so idle workers spin for {@value #SPIN_NANOS} ns before
 * they park: waking a parked thread cost more than a small layer's work.
 */
final class Workers implements AutoCloseable {
    /** A task body: compute part {@code index} using worker {@code worker}'s scratch space. */
    interface Task {
        void run(int index, int worker);
    }

    static final long SPIN_NANOS = 100_000;

    private final int n;
    private final Thread[] threads;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Task task;
    private volatile int count;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Throwable failure;
    private final Thread[] waiting;

    Workers(int n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        this.n = n;
        this.threads = new Thread[n - 1];
        this.waiting = new Thread[1];
        for (int i = 1; i < n; i++) {
            int id = i;
            Thread t = new Thread(() -> loop(id), name + "-" + i);
            t.setDaemon(true);
            threads[i - 1] = t;
            t.start();
        }
    }

    int size() {
        return n;
    }

    private float[][] scratch = new float[0][];

    /** Per-worker scratch arrays, at least {@code floats} long each (allocated on first need only). */
    void ensureScratch(int floats) {
        if (scratch.length == n && (n == 0 || scratch[0].length == floats)) {
            return;
        }
        float[][] s = new float[n][];
        for (int i = 0; i < n; i++) {
            s[i] = new float[floats];
        }
        scratch = s;
    }

    float[][] scratch() {
        return scratch;
    }



    /** Runs {@code task} for every index in {@code [0, tasks)} and returns when all are done. */
    void forEach(int tasks, Task body) {
        if (n == 1 || tasks == 1) {
            for (int i = 0; i < tasks; i++) {
                body.run(i, 0);
            }
            return;
        }
        failure = null;
        next.set(0);
        count = tasks;
        pending.set(n - 1);
        task = body;
        waiting[0] = Thread.currentThread();
        generation++;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        try {
            drain(body, tasks, 0);
        } catch (Throwable e) {
            failure = e;
            next.set(Integer.MAX_VALUE / 2);
        }
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (pending.get() > 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        task = null;
        Throwable f = failure;
        if (f != null) {
            if (f instanceof RuntimeException) {
                throw (RuntimeException) f;
            }
            if (f instanceof Error) {
                throw (Error) f;
            }
            throw new IllegalStateException(f);
        }
    }

    private void drain(Task body, int tasks, int worker) {
        for (int i; (i = next.getAndIncrement()) < tasks; ) {
            body.run(i, worker);
        }
    }

    private void loop(int id) {
        int seen = 0;
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (!closed) {
            if (generation == seen) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
                continue;
            }
            seen = generation;
            Task body = task;
            try {
                if (body != null) {
                    drain(body, count, id);
                }
            } catch (Throwable e) {
                failure = e;
                next.set(Integer.MAX_VALUE / 2);
            } finally {
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(waiting[0]);
                }
                spinUntil = System.nanoTime() + SPIN_NANOS;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
    }
}
