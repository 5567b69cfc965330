package io.github.scrfd4j.vector;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Compiles the Vector API row kernels before a caller depends on them. Until C2 has compiled them,
 * Vector API code runs boxed in the interpreter: the first letterbox of a 1500x895 photo took 600 ms
 * there, against 0.8 ms compiled (and the scalar path's 3 ms). So the first call starts one daemon
 * thread that runs the kernels on synthetic rows (about half a second of one core, normally spent
 * while the engine loads), and callers use the scalar path, bit-identical, until it is done.
 * {@code -Dscrfd4j.vector.warmup=false} turns the thread off (the vector path is then used at once).
 */
public final class KernelWarmup {
    /** Set to {@code false} to use the Vector API kernels from the first call, without a warm-up thread. */
    public static final String PROPERTY = "scrfd4j.vector.warmup";
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean warm = !Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));

    private KernelWarmup() {
    }

    /** Whether {@code kernels}' vector path is compiled (or warm-up is off); starts the warm-up otherwise. */
    public static boolean ready(Kernels kernels) {
        if (warm || !kernels.isVectorized()) {
            return true;
        }
        if (STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(() -> run(kernels), "scrfd4j-vector-warmup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
        return warm;
    }

    /** Runs the row kernels until C2 has compiled them (their time per call stops falling). */
    private static void run(Kernels k) {
        try {
            int dw = 640;
            int n = 3 * dw;
            int sw = 1500;
            int[] i0 = new int[n];
            int[] i1 = new int[n];
            int[] w0 = new int[n];
            int[] w1 = new int[n];
            for (int dx = 0; dx < dw; dx++) {
                int sx = Math.min(sw - 2, dx * sw / dw);
                for (int c = 0; c < 3; c++) {
                    i0[3 * dx + c] = 3 * sx + c;
                    i1[3 * dx + c] = 3 * sx + 3 + c;
                    w0[3 * dx + c] = 1024;
                    w1[3 * dx + c] = 1024;
                }
            }
            byte[] src = new byte[3 * sw * 2];
            int[] row = new int[n];
            byte[] out = new byte[n + Kernels.ROW_SLACK];
            float[] planes = new float[3 * dw];
            RowResampler r = k.rowResampler(i0, i1, w0, w1, n);
            for (int it = 0; it < 4000; it++) {
                r.apply(src, (it & 1) * 3 * sw, row);
                k.verticalLerp(row, row, 1024, 1024, n, out);
                k.toPlanes(out, dw, true, 127.5f, 1 / 128f, planes, 0, dw, 2 * dw);
            }
        } catch (RuntimeException | Error e) {
            // the scalar path stays in use; nothing else depends on the warm-up
            return;
        }
        warm = true;
    }
}
