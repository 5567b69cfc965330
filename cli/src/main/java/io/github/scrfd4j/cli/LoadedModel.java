package io.github.scrfd4j.cli;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.models.ResolvedModel;

/** A resolved model and the detector running it; closing frees the engine. */
record LoadedModel(ResolvedModel resolved, Detector detector) implements AutoCloseable {
    @Override
    public void close() {
        detector.close();
    }
}
