package io.github.scrfd4j.bench;

/**
 * The JVM arguments every benchmark fork needs, as constants for {@code @Fork(jvmArgsAppend = ...)}:
 * on the benchmarks themselves, so that JMH's own runner ({@code org.openjdk.jmh.Main}), IDE plugins
 * and {@code -prof gc} get them too, not only {@link BenchMain}.
 */
final class BenchJvm {
    /** The Vector API kernels: without it java-ref falls back to scalar and the Vector rows fail set-up. */
    static final String VECTOR = "--add-modules=jdk.incubator.vector";
    /** ONNX Runtime's and JavaCPP's direct buffers. */
    static final String OPEN_NIO = "--add-opens=java.base/java.nio=ALL-UNNAMED";
    /** Charts are drawn without a display. */
    static final String HEADLESS = "-Djava.awt.headless=true";

    private BenchJvm() {
    }
}
