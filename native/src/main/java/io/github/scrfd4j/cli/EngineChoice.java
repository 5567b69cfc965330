package io.github.scrfd4j.cli;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.mnn.MnnDevice;
import io.github.scrfd4j.engine.mnn.MnnEngine;
import io.github.scrfd4j.engine.mnn.MnnOptions;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.engine.tnn.TnnDevice;
import io.github.scrfd4j.engine.tnn.TnnEngine;
import io.github.scrfd4j.models.ModelFormat;
import io.github.scrfd4j.models.ResolvedModel;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** The inference engines {@code --engine} accepts, with the model format each loads. */
enum EngineChoice implements Choice {
    ORT("ort", ModelFormat.ONNX, "cpu", "libonnxruntime.so") {
        @Override
        Engine create(ResolvedModel model, EngineSettings s) {
            return new OrtEngine(model.primary(), s.threads());
        }
    },
    MNN("mnn", ModelFormat.MNN, "cpu, opencl, vulkan, metal", "libMNN.so") {
        @Override
        Engine create(ResolvedModel model, EngineSettings s) {
            MnnOptions o = new MnnOptions(MnnDevice.valueOf(s.device().toUpperCase(Locale.ROOT)),
                    Math.max(1, s.threads()), 0, s.allowFallback());
            return new MnnEngine(model.primary(), o);
        }
    },
    TNN("tnn", ModelFormat.TNN, "cpu, x86, arm, naive, opencl", "libTNN.so") {
        @Override
        Engine create(ResolvedModel model, EngineSettings s) {
            TnnDevice d = s.device().equals("cpu") ? TnnDevice.hostDefault()
                    : TnnDevice.valueOf(s.device().toUpperCase(Locale.ROOT));
            return new TnnEngine(model.files().get(0), model.files().get(1), d, Math.max(1, s.threads()));
        }
    };

    private final String id;
    private final ModelFormat format;

    private final String devices;
    private final String library;

    EngineChoice(String id, ModelFormat format, String devices, String library) {
        this.id = id;
        this.format = format;
        this.devices = devices;
        this.library = library;
    }

    /** File name prefix of the runtime's own shared library (not our JNI wrapper). */
    String library() {
        return library;
    }

    /** Rejects a {@code --device} this engine does not have (a usage error). */
    void checkDevice(String device) {
        for (String d : devices.split(",\\s*")) {
            if (d.equals(device)) {
                return;
            }
        }
        throw new IllegalArgumentException("engine " + id + " has no device '" + device + "' (valid: " + devices + ")");
    }

    @Override
    public String id() {
        return id;
    }

    ModelFormat format() {
        return format;
    }

    abstract Engine create(ResolvedModel model, EngineSettings settings);

    /** Loads the model; a runtime whose native library cannot load is a model-loading failure too. */
    Engine open(ResolvedModel model, EngineSettings settings) {
        try {
            return create(model, settings);
        } catch (LinkageError e) {
            throw new EngineException("cannot load the native library of engine " + id + ": " + e, e);
        }
    }

    /** picocli converter. */
    static final class Converter implements ITypeConverter<EngineChoice> {
        @Override
        public EngineChoice convert(String value) {
            return Choice.parse(EngineChoice.class, value);
        }
    }

    /** Values shown by {@code ${COMPLETION-CANDIDATES}}. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Choice.ids(EngineChoice.class).iterator();
        }
    }
}
