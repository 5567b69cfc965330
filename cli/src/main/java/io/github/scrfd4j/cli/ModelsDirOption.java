package io.github.scrfd4j.cli;

import io.github.scrfd4j.models.Downloader;
import io.github.scrfd4j.models.ModelManifest;
import io.github.scrfd4j.models.ModelResolver;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --models-dir}, and the {@link ModelResolver} it configures. */
final class ModelsDirOption {
    @Option(names = "--models-dir", order = 11, paramLabel = "DIR",
            description = "Directory searched first for model files (overrides $SCRFD4J_MODELS).")
    Path modelsDir;

    /** The directory searched first: {@code --models-dir}, else {@code $SCRFD4J_MODELS}, else null. */
    Path effective() {
        return modelsDir != null ? modelsDir : ModelResolver.envModelsDir();
    }

    /** {@code --models-dir} or {@code $SCRFD4J_MODELS} when set. */
    String source() {
        return modelsDir != null ? "--models-dir" : "$SCRFD4J_MODELS";
    }

    ModelResolver resolver(boolean downloadAllowed) {
        return new ModelResolver(ModelManifest.bundled(), effective(), ModelResolver.defaultCacheDir(),
                downloadAllowed, new Downloader());
    }
}
