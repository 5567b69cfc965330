package io.github.scrfd4j.cli;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineSettings;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.models.ResolvedModel;

/**
 * Loads a selected model in its engine and builds the detector. Failures come out as
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

    static LoadedModel load(EngineSelector.Selection selection, EngineSettings settings, DetectorOptions options) {
        ResolvedModel resolved = selection.model();
        Engine engine = selection.open(settings);
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
