package io.github.scrfd4j.network;

import io.github.scrfd4j.vector.ConvKernels;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets the convolution kernels compiled before the first image needs them. Until C2 has compiled
 * them, Vector API kernels run boxed (a first inference of the 2.5g model took 2.5 s against 70 ms
 * compiled), so loading a network starts, once per JVM, a daemon thread that runs them on small
 * synthetic blocks while the caller decodes its first image. {@code -Dscrfd4j.vector.warmup=false}
 * (the property of the pipeline's own warm-up) turns it off.
 */
final class NetworkWarmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private NetworkWarmup() {
    }

    static void start(ConvKernels kernels) {
        if (!kernels.isVectorized() || !Boolean.parseBoolean(System.getProperty("scrfd4j.vector.warmup", "true"))
                || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> run(kernels), "scrfd4j-network-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run(ConvKernels k) {
        int nr = k.panelWidth();
        int depth = 64;
        float[] a = new float[depth * ConvKernels.MR];
        float[] b = new float[depth * nr + nr];
        float[] bias = new float[ConvKernels.MR];
        float[] c = new float[ConvKernels.MR * nr];
        int[] rows = new int[depth];
        for (int i = 0; i < depth; i++) {
            rows[i] = i * nr;
            a[i] = 0.001f * i;
        }
        int side = 2 * nr + 6;
        float[] in = new float[side * side];
        float[] w = new float[9];
        float[] out = new float[side * side];
        for (int i = 0; i < 4000; i++) {
            k.gemm(a, 0, bias, 0, b, 0, rows, depth, c, 0, nr, (i & 1) == 0 ? 0f : Float.NEGATIVE_INFINITY);
            if ((i & 7) == 0) {
                k.depthwise(in, 0, side, side, w, 0, 3, 3, 1 + (i >> 3 & 1), 1, 1, 1, 1, 1, 0f, out, 0, side / 2,
                        side, 0f);
            }
        }
    }
}
