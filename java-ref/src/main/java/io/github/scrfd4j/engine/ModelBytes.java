package io.github.scrfd4j.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a model file whole, turning I/O failures into an {@link EngineException} that names the file. */
public final class ModelBytes {
    private ModelBytes() {
    }

    /**
     * The file's bytes.
     *
     * @param what what the file is, for messages, e.g. "MNN model"
     */
    public static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EngineException(what + " not found: " + file, e);
        } catch (IOException e) {
            throw new EngineException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new EngineException(what + " " + file + " is too large to read", e);
        }
    }
}
