package io.github.scrfd4j.cli;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.models.ModelFormat;
import io.github.scrfd4j.models.ResolvedModel;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;

/** The inference engines {@code --engine} accepts, with the model format each loads. */
enum EngineChoice implements Choice {
    ORT("ort", ModelFormat.ONNX) {
        @Override
        Engine create(ResolvedModel model, int threads) {
            return new OrtEngine(model.primary(), threads);
        }
    };

    private final String id;
    private final ModelFormat format;

    EngineChoice(String id, ModelFormat format) {
        this.id = id;
        this.format = format;
    }

    @Override
    public String id() {
        return id;
    }

    ModelFormat format() {
        return format;
    }

    abstract Engine create(ResolvedModel model, int threads);

    /** Loads the model; a runtime whose native library cannot load is a model-loading failure too. */
    Engine open(ResolvedModel model, int threads) {
        try {
            return create(model, threads);
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
