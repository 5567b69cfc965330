package io.github.scrfd4j.bench;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.mnn.MnnEngine;
import io.github.scrfd4j.engine.mnn.MnnOptions;
import io.github.scrfd4j.engine.mnn.MnnRuntime;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.engine.tnn.TnnDevice;
import io.github.scrfd4j.engine.tnn.TnnEngine;
import io.github.scrfd4j.engine.tnn.TnnRuntime;
import java.util.Optional;

/** Opens the 2.5g 640x640 model in each engine, and says why an engine cannot be benchmarked here. */
final class Engines {
    private Engines() {
    }

    static Engine open(String engine, int threads) {
        switch (engine) {
            case "ort":
                return new OrtEngine(BenchData.model(BenchData.ONNX), threads);
            case "mnn":
                return new MnnEngine(BenchData.model(BenchData.MNN), MnnOptions.CPU.withThreads(threads));
            case "tnn":
                return new TnnEngine(BenchData.model(BenchData.TNN_PROTO), BenchData.model(BenchData.TNN_MODEL),
                        TnnDevice.hostDefault(), threads);
            default:
                throw new IllegalArgumentException("unknown engine " + engine);
        }
    }

    /** Empty when the engine's native library is available. */
    static Optional<String> unavailable(String engine) {
        switch (engine) {
            case "mnn":
                return MnnRuntime.unavailableReason();
            case "tnn":
                return TnnRuntime.unavailableReason();
            default:
                return Optional.empty();
        }
    }
}
