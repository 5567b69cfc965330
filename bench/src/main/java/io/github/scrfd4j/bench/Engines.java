package io.github.scrfd4j.bench;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.EngineProvider;
import io.github.scrfd4j.engine.EngineProviders;
import io.github.scrfd4j.engine.EngineSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens the 2.5g 640x640 model in each engine (found through ServiceLoader, as applications find
 * them), and says why an engine cannot be benchmarked here.
 */
final class Engines {
    private static final EngineProviders PROVIDERS = EngineProviders.load();

    private Engines() {
    }

    static Engine open(String engine, int threads) {
        return provider(engine).open(files(engine), EngineSettings.CPU.withThreads(threads));
    }

    private static EngineProvider provider(String engine) {
        return PROVIDERS.byName(engine).orElseThrow(() -> new IllegalArgumentException("no engine " + engine
                + " on the class path (found: " + PROVIDERS.names() + ")"));
    }

    private static List<Path> files(String engine) {
        switch (engine) {
            case "ort":
            case "java":
                return List.of(BenchData.model(BenchData.ONNX));
            case "mnn":
                return List.of(BenchData.model(BenchData.MNN));
            case "tnn":
                return List.of(BenchData.model(BenchData.TNN_PROTO), BenchData.model(BenchData.TNN_MODEL));
            case "ncnn":
                return List.of(BenchData.model(BenchData.NCNN_PARAM), BenchData.model(BenchData.NCNN_BIN));
            default:
                throw new IllegalArgumentException("no model files known for engine " + engine);
        }
    }

    /** Empty when the engine's native library is available. */
    static Optional<String> unavailable(String engine) {
        Optional<EngineProvider> p = PROVIDERS.byName(engine);
        if (p.isEmpty()) {
            return Optional.of("engine " + engine + " is not on the class path");
        }
        EngineAvailability a = p.get().availability();
        return a.usable() ? Optional.empty() : Optional.of(a.detail());
    }
}
