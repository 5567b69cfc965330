package io.github.scrfd4j.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

/** Two threads on one single-thread session: a clear IllegalStateException, never a crash. */
public final class SharedSessionCheck {
    private SharedSessionCheck() {
    }

    public static void twoThreadsOnOneSession(EngineSession session, int width, int height) throws InterruptedException {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 6; i++) {
                        session.run(width, height);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "shared-session-" + t);
            threads.add(th);
            th.start();
        }
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertTrue(!errors.isEmpty(), "two threads ran one session 12 times without being stopped");
        for (Throwable e : errors) {
            assertTrue(e instanceof IllegalStateException && e.getMessage().contains("not thread-safe"), e.toString());
        }
        session.run(width, height); // still usable afterwards
    }
}
