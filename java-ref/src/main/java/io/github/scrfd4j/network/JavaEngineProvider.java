package io.github.scrfd4j.network;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.EngineProvider;
import io.github.scrfd4j.engine.EngineSettings;
import io.github.scrfd4j.vector.KernelsProvider;
import java.nio.file.Path;
import java.util.List;

/**
 * The pure-Java network as an engine ({@code --engine java}): {@code .onnx} models on any JVM, no
 * native code. It is part of {@code scrfd4j-java-ref}, so it is always on the class path; for
 * {@code --engine auto} a native ONNX engine, when present and usable, is preferred
 * ({@link #autoPriority()}).
 */
public final class JavaEngineProvider implements EngineProvider {
    @Override
    public String name() {
        return "java";
    }

    @Override
    public String runtime() {
        return "Java network";
    }

    @Override
    public String artifact() {
        return "io.github.scrfd4j:scrfd4j-java-ref";
    }

    /** The JVM's version: the network is this JVM's code, so that is what a report needs. */
    @Override
    public String version() {
        return "jdk-" + System.getProperty("java.version");
    }

    @Override
    public List<String> formats() {
        return List.of("onnx");
    }

    @Override
    public List<String> devices() {
        return List.of("cpu");
    }

    @Override
    public EngineAvailability availability() {
        return EngineAvailability.usable("pure Java, " + KernelsProvider.conv().name() + " kernels (no native library)");
    }

    @Override
    public int autoPriority() {
        return -1;
    }

    @Override
    public Engine open(List<Path> modelFiles, EngineSettings settings) {
        checkDevice(settings.device());
        checkFileCount(modelFiles, 1, "one .onnx file");
        return new JavaNetwork(modelFiles.get(0), settings.threadsOrOne());
    }
}
