package io.github.scrfd4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle every native engine inherits, on a pure-Java stand-in that counts frees. */
class NativeEngineTest {
    static final class CountingEngine extends NativeEngine<CountingSession> {
        final List<String> freed = new ArrayList<>();

        CountingEngine() {
            super("counting engine");
            describe(new InputSpec("in", 4, 2), List.of(new TensorInfo("out", new long[] {1, 3})));
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        protected CountingSession newSession() {
            return new CountingSession(this);
        }

        @Override
        protected void release() {
            freed.add("engine");
        }
    }

    static final class CountingSession extends NativeEngineSession {
        private final CountingEngine engine;
        private final FloatBuffer input = FloatBuffer.allocate(3 * 4 * 2);
        int runs;
        java.util.concurrent.CountDownLatch entered;
        java.util.concurrent.CountDownLatch proceed;

        CountingSession(CountingEngine engine) {
            super(engine, "counting model", "counting session");
            this.engine = engine;
        }

        @Override
        protected FloatBuffer input(int width, int height) {
            return input;
        }

        @Override
        protected List<Tensor> infer(int width, int height) {
            if (entered != null) {
                entered.countDown();
                try {
                    proceed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            float[] out = outputArray(0, 3);
            out[0] = input.get(0);
            out[1] = ++runs;
            out[2] = width * height;
            return List.of(new Tensor("out", new long[] {1, 3}, out));
        }

        @Override
        protected void release() {
            engine.freed.add("session");
        }
    }

    @Test
    void runsWriteIntoReusedOutputArrays() {
        try (CountingEngine e = new CountingEngine(); CountingSession s = e.openSession()) {
            s.inputBuffer(4, 2).put(7f);
            float[] first = s.run(4, 2).get(0).data();
            assertArrayEquals(new float[] {7f, 1f, 8f}, first);
            assertSame(first, s.run(4, 2).get(0).data(), "same size, same array: no allocation per run");
        }
    }

    @Test
    void sizesOtherThanTheModelsAreRefused() {
        try (CountingEngine e = new CountingEngine(); CountingSession s = e.openSession()) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> s.run(8, 8));
            assertTrue(x.getMessage().contains("counting model takes 4x2, not 8x8"), x.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.inputBuffer(2, 4));
        }
    }

    @Test
    void closingTheEngineClosesItsSessionsFirstOnce() {
        CountingEngine e = new CountingEngine();
        CountingSession a = e.openSession();
        CountingSession b = e.openSession();
        b.close();
        e.close();
        e.close();
        a.close();
        assertEquals(List.of("session", "session", "engine"), e.freed);
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> a.run(4, 2));
        assertTrue(x.getMessage().contains("closed"), x.getMessage());
        IllegalStateException y = assertThrows(IllegalStateException.class, e::openSession);
        assertEquals("counting engine is closed", y.getMessage());
    }

    @Test
    void closingWhileARunIsInsideIsRefusedAndFreesNothing() throws Exception {
        CountingEngine e = new CountingEngine();
        CountingSession s = e.openSession();
        s.entered = new java.util.concurrent.CountDownLatch(1);
        s.proceed = new java.util.concurrent.CountDownLatch(1);
        Thread runner = new Thread(() -> s.run(4, 2), "runner");
        runner.start();
        s.entered.await();
        IllegalStateException x = assertThrows(IllegalStateException.class, s::close);
        assertTrue(x.getMessage().contains("while thread 'runner' runs it"), x.getMessage());
        IllegalStateException y = assertThrows(IllegalStateException.class, e::close);
        assertTrue(y.getMessage().startsWith("cannot close the engine yet"), y.getMessage());
        assertEquals(List.of(), e.freed, "nothing freed under a running session");
        s.proceed.countDown();
        runner.join();
        e.close();
        assertEquals(List.of("session", "engine"), e.freed);
    }

    @Test
    void aClosedSessionFailsButTheEngineGoesOn() {
        try (CountingEngine e = new CountingEngine()) {
            CountingSession a = e.openSession();
            a.close();
            assertEquals("counting session is closed",
                    assertThrows(IllegalStateException.class, () -> a.inputBuffer(4, 2)).getMessage());
            try (CountingSession b = e.openSession()) {
                assertNotSame(a, b);
                assertEquals(1f, b.run(4, 2).get(0).data()[1]);
            }
        }
    }
}
