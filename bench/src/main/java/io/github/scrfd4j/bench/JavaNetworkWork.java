package io.github.scrfd4j.bench;

import io.github.scrfd4j.network.JavaNetwork;
import java.util.Map;

/** Multiply-adds of the benchmarked model per layer kind, for the report's GFLOP/s columns. */
final class JavaNetworkWork {
    private static Map<String, Long> work;

    private JavaNetworkWork() {
    }

    static synchronized Map<String, Long> byKind() {
        if (work == null) {
            try (JavaNetwork n = new JavaNetwork(BenchData.model(BenchData.ONNX), 1)) {
                work = n.workByKind(BenchData.SIDE, BenchData.SIDE);
            }
        }
        return work;
    }

    /** Multiply-adds of the convolutions (the rest is under 1% of the arithmetic). */
    static long total() {
        long n = 0;
        for (Map.Entry<String, Long> e : byKind().entrySet()) {
            if (e.getKey().startsWith("Conv")) {
                n += e.getValue();
            }
        }
        return n;
    }
}
