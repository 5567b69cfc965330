package io.github.scrfd4j.cli;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.models.ModelResolver;
import io.github.scrfd4j.models.ResolvedModel;

/**
 * Resolves a model name or path, loads it in an engine and builds the detector. Failures come out as
 * {@link io.github.scrfd4j.models.ModelResolutionException}, {@link EngineException} or
 * {@link io.github.scrfd4j.decode.OutputLayoutException} (exit 3), except {@link SizeMismatch}.
 */
final class ModelLoader {
    private ModelLoader() {
    }

    /** The user's {@code --size} differs from a fixed-size model's input: a usage error. */
    static final class SizeMismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SizeMismatch(String message) {
            super(message);
        }
    }

    static LoadedModel load(ModelResolver resolver, String model, EngineChoice engineChoice,
                            EngineSettings settings, DetectorOptions options) {
        ResolvedModel resolved = resolver.resolve(model, engineChoice.format());
        Engine engine = engineChoice.open(resolved, settings);
        try {
            InputSpec in = engine.input();
            if (!in.dynamic() && options.inputWidth() > 0
                    && (options.inputWidth() != in.width() || options.inputHeight() != in.height())) {
                throw new SizeMismatch("model " + resolved.primary() + " has a fixed input of " + in.width() + "x"
                        + in.height() + "; omit --size or pass --size " + in.width() + "x" + in.height());
            }
            return new LoadedModel(resolved, new Detector(engine, options));
        } catch (SizeMismatch e) {
            engine.close();
            throw e;
        } catch (IllegalArgumentException e) {
            // The options were checked already, so what is left is the model (e.g. an odd fixed size).
            engine.close();
            throw new EngineException("cannot use model " + resolved.primary() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }
}
