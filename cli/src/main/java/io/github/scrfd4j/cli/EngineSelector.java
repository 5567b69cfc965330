package io.github.scrfd4j.cli;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineProvider;
import io.github.scrfd4j.engine.EngineProviders;
import io.github.scrfd4j.engine.EngineSettings;
import io.github.scrfd4j.models.ModelFormat;
import io.github.scrfd4j.models.ModelResolver;
import io.github.scrfd4j.models.ResolvedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Picks the engine for {@code --engine NAME|auto} and a model, from the engines on the class path
 * ({@link EngineProviders}); {@code auto} goes by the model file's format. Unknown engines and
 * devices are usage errors ({@link IllegalArgumentException}); a format with no engine on the class
 * path, or one that cannot run here, is an {@link EngineException} naming the missing artifact or
 * native library.
 */
final class EngineSelector {
    static final String AUTO = "auto";

    private final EngineProviders providers;

    EngineSelector(EngineProviders providers) {
        this.providers = providers;
    }

    /** A chosen engine and the model files it will load. */
    record Selection(EngineProvider provider, ResolvedModel model) {
        /** Loads the model; a native library that fails to link is a model-loading failure too. */
        Engine open(EngineSettings settings) {
            try {
                return provider.open(model.files(), settings);
            } catch (LinkageError e) {
                throw new EngineException("cannot load the native library of engine " + provider.name() + ": " + e, e);
            }
        }
    }

    /** The engine named {@code engine} (or chosen by format for {@code auto}), checked for {@code device}. */
    Selection select(String engine, String model, String device, ModelResolver resolver) {
        EngineProvider provider;
        ModelFormat format;
        if (AUTO.equalsIgnoreCase(engine.trim())) {
            format = formatOf(model);
            provider = providers.forFormat(format.id()).orElseThrow(() -> new EngineException("no engine for "
                    + format + " models on the class path: add " + format.engineArtifact()
                    + (providers.all().isEmpty() ? "" : " (engines found: " + String.join(", ", providers.names()) + ")")));
        } else {
            provider = byName(engine);
            format = ModelFormat.parse(provider.formats().get(0));
        }
        try {
            provider.checkDevice(device);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for option '--device': " + e.getMessage(), e);
        }
        requireUsable(provider);
        return new Selection(provider, resolver.resolve(model, format));
    }

    /** The engine called {@code name}; a usage error listing the engines found otherwise. */
    EngineProvider byName(String name) {
        return providers.byName(name).orElseThrow(() -> new IllegalArgumentException("Invalid value for option '--engine': unknown engine '" + name
                + "' (engines on the class path: " + String.join(", ", providers.names()) + ", or auto)"));
    }

    /** Fails with the provider's own reason when its native library cannot run here. */
    static void requireUsable(EngineProvider provider) {
        EngineAvailability a = provider.availability();
        if (!a.usable()) {
            throw new EngineException(provider.runtime() + " engine unavailable (" + provider.artifact()
                    + " is on the class path but cannot run here): " + a.detail());
        }
    }

    /**
     * The format a model argument implies: a file's extension, or ONNX for anything else (a model
     * name: every known model has an ONNX file; a missing path: the resolver reports it).
     */
    static ModelFormat formatOf(String model) {
        String file = Optional.ofNullable(Path.of(model).getFileName()).map(Path::toString).orElse(model);
        ModelFormat f = ModelFormat.ofFileName(file);
        if (f != null) {
            return f;
        }
        if (Files.isRegularFile(Path.of(model))) {
            throw new IllegalArgumentException("Invalid value for option '--model': cannot tell the format of '" + model + "' from its name"
                    + " (known extensions: .onnx, .mnn, .tnnproto/.tnnmodel, .param/.bin); pass --engine");
        }
        return ModelFormat.ONNX;
    }

    EngineProviders providers() {
        return providers;
    }
}
