package io.github.scrfd4j.models;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A model ready to load: its local files in the order the engine needs them
 * (TNN: proto, model; NCNN: param, bin; ONNX and MNN: the single file).
 *
 * @param name   model name, or the file name without extension when given by path
 * @param format engine format
 * @param files  local, existing files in load order
 */
public record ResolvedModel(String name, ModelFormat format, List<Path> files) {

    public ResolvedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        files = List.copyOf(files);
        if (files.size() != format.kinds().size()) {
            throw new IllegalArgumentException(format + " needs " + format.kinds().size() + " files, got " + files);
        }
    }

    /** The first file: the whole model for ONNX/MNN, the proto/param for TNN/NCNN. */
    public Path primary() {
        return files.get(0);
    }
}
