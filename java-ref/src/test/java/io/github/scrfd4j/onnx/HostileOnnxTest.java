package io.github.scrfd4j.onnx;

import static io.github.scrfd4j.onnx.OnnxWireBuilder.LEN;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.attrInt;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.attrInts;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.attrString;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.dims;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.floatTensor;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.floatValue;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.graph;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.int64Tensor;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.le;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.message;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.model;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.node;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.network.JavaNetwork;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Corrupt and hostile ONNX files: each must end in a clear exception, an {@link OnnxFormatException}
 * from {@link OnnxReader} and an {@link EngineException} (caused by one, naming the file) from
 * {@link JavaNetwork}, within a few seconds: never an {@link OutOfMemoryError}, a
 * {@link StackOverflowError}, another exception type, or a hang.
 */
class HostileOnnxTest {
    /**
     * Slowdown of the machine the tests run on: {@code -Dscrfd.test.timeScale=60} under QEMU's emulated
     * ARM64 (.ci/arm64), where everything takes tens of times longer; 1 otherwise.
     */
    static final int TIME_SCALE = Math.max(1, Integer.getInteger("scrfd.test.timeScale", 1));
    /** The most one load of a small hostile file may take. */
    private static final Duration LIMIT = Duration.ofSeconds(5L * TIME_SCALE);
    /** What a truncated file's message says, whichever field the cut falls in. */
    private static final List<String> TRUNCATION_MESSAGES = List.of("runs past the end", "truncated", "no graph",
            "no opset_import");

    @TempDir
    Path tmp;

    // ---- checking helpers ----

    /** What {@code e} throws (any Throwable, errors included), or null; a run over {@link #LIMIT} fails the test. */
    private static Throwable thrown(String what, Executable e) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            try {
                e.execute();
                return null;
            } catch (Throwable t) {
                return t;
            }
        }, () -> what + ": still running after " + LIMIT.toSeconds() + " s (a hang?)");
    }

    /** Parsing {@code bytes} must be an OnnxFormatException whose message names the source and every fragment. */
    private static OnnxFormatException readerRejects(String source, byte[] bytes, String... fragments) {
        Throwable t = thrown(source, () -> OnnxReader.parse(bytes, source));
        if (t == null) {
            fail(source + ": OnnxReader.parse accepted it");
        }
        if (!(t instanceof OnnxFormatException)) {
            throw new AssertionFailedError(source + ": expected an OnnxFormatException from OnnxReader.parse, got " + t, t);
        }
        assertTrue(t.getMessage().contains(source), () -> "message does not name the source " + source + ": "
                + t.getMessage());
        for (String f : fragments) {
            assertTrue(t.getMessage().contains(f), () -> source + ": message lacks '" + f + "': " + t.getMessage());
        }
        return (OnnxFormatException) t;
    }

    /**
     * Loading {@code bytes} (written to a file) in the Java network must be an EngineException caused
     * by an OnnxFormatException, whose message names the file and every fragment.
     */
    private EngineException networkRejects(String fileName, byte[] bytes, String... fragments) {
        Path f = write(fileName, bytes);
        Throwable t = thrown(fileName, () -> new JavaNetwork(f, 1).close());
        if (t == null) {
            fail(fileName + ": the Java network loaded it");
        }
        checkEngineException(fileName, f, t);
        for (String fr : fragments) {
            assertTrue(t.getMessage().contains(fr), () -> fileName + ": message lacks '" + fr + "': " + t.getMessage());
        }
        return (EngineException) t;
    }

    private static void checkEngineException(String what, Path f, Throwable t) {
        if (!(t instanceof EngineException)) {
            throw new AssertionFailedError(what + ": expected an EngineException from new JavaNetwork, got " + t, t);
        }
        if (!(t.getCause() instanceof OnnxFormatException)) {
            throw new AssertionFailedError(what + ": the EngineException should be caused by an OnnxFormatException, but"
                    + " its cause is " + t.getCause() + " (message: " + t.getMessage() + ")", t);
        }
        assertTrue(t.getMessage().contains(f.toString()), () -> "message does not name the file " + f + ": "
                + t.getMessage());
    }

    /** Both the reader and the network reject it, naming the fragments. */
    private void bothReject(String name, byte[] bytes, String... fragments) {
        readerRejects(name, bytes, fragments);
        networkRejects(name, bytes, fragments);
    }

    private Path write(String fileName, byte[] bytes) {
        Path f = tmp.resolve(fileName);
        try {
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    private static void assertOneOf(List<String> expected, String message, String what) {
        assertTrue(expected.stream().anyMatch(message::contains), () -> what + ": message says none of " + expected + ": "
                + message);
    }

    // ---- model shorthands ----

    private static final OnnxWireBuilder OPSET_11 = message().stringField(1, "").varintField(2, 11);

    /** input [1,3,4,4] -> nodes -> output "y" (float, shape unstated), with the given initializers. */
    private static byte[] graphModel(List<OnnxWireBuilder> nodes, List<OnnxWireBuilder> inits) {
        return model(7, 11, graph("hostile", nodes, inits, List.of(floatValue("input", 1L, 3L, 4L, 4L)),
                List.of(floatValue("y")))).bytes();
    }

    private static byte[] graphModel(OnnxWireBuilder... nodes) {
        return graphModel(List.of(nodes), List.of());
    }

    /** A model whose graph holds one initializer tensor and a trivial node, so the tensor is all that is odd. */
    private static byte[] withInitializer(OnnxWireBuilder tensor) {
        return graphModel(List.of(node("r", "Relu", List.of("input"), List.of("y"))), List.of(tensor));
    }

    // ---- truncation ----

    @Test
    void everyTruncationOfASmallModelIsRejected() {
        byte[] full = OnnxWireBuilder.convRelu().bytes();
        Path whole = write("whole.onnx", full);
        Throwable ok = thrown("the whole model", () -> new JavaNetwork(whole, 1).close());
        if (ok != null) {
            throw new AssertionFailedError("the untruncated model must load", ok);
        }
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            String name = "tiny-" + n + ".onnx";
            OnnxFormatException r = readerRejects(name, cut);
            assertOneOf(TRUNCATION_MESSAGES, r.getMessage(), name);
            EngineException e = networkRejects(name, cut);
            assertOneOf(TRUNCATION_MESSAGES, e.getMessage(), name);
        }
    }

    @Test
    void truncationsOfARealModelAreRejected() throws IOException {
        Path model = SharedData.requireModel("scrfd_500m_bnkps_shape160x160.onnx");
        byte[] full = Files.readAllBytes(model);
        assertEquals(11, OnnxReader.parse(full, model.toString()).opset(), "the whole model parses");
        TreeSet<Integer> offsets = new TreeSet<>();
        for (int i = 0; i < 200; i++) {
            offsets.add((int) ((long) i * full.length / 200));
        }
        // the header, the start of the graph, and the tail (the opset import follows the graph)
        for (int o : new int[] {1, 2, 3, 9, 15, 16, 17, 18, 19, 20, 21, 22, 30, 100, full.length - 1, full.length - 2,
                full.length - 5, full.length - 6, full.length - 7, full.length - 100}) {
            offsets.add(o);
        }
        for (int n : offsets) {
            byte[] cut = Arrays.copyOf(full, n);
            String name = "scrfd-500m-cut-" + n + ".onnx";
            OnnxFormatException r = readerRejects(name, cut);
            assertOneOf(TRUNCATION_MESSAGES, r.getMessage(), name);
            EngineException e = networkRejects(name, cut);
            assertOneOf(TRUNCATION_MESSAGES, e.getMessage(), name);
            Files.delete(tmp.resolve(name));
        }
        assertTrue(offsets.size() >= 200, "offsets tried: " + offsets.size());
    }

    // ---- the wire format ----

    static Stream<Arguments> wireFormatCases() {
        List<Arguments> c = new ArrayList<>();
        OnnxWireBuilder tinyGraph = graph("g", List.of(node("r", "Relu", List.of("input"), List.of("y"))), List.of(),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y")));
        c.add(Arguments.of("graph as a varint", message().varintField(1, 7).messageField(8, OPSET_11).varintField(7, 5),
                List.of("ModelProto.graph", "wire type 0")));
        c.add(Arguments.of("graph as fixed32", message().messageField(8, OPSET_11).fixed32Field(7, 5),
                List.of("ModelProto.graph", "wire type 5")));
        c.add(Arguments.of("ir_version as a string", message().stringField(1, "7").messageField(8, OPSET_11)
                .messageField(7, tinyGraph), List.of("ModelProto.ir_version", "wire type 2")));
        c.add(Arguments.of("opset version as fixed32", message().messageField(8, message().fixed32Field(2, 11))
                .messageField(7, tinyGraph), List.of("OperatorSetIdProto.version")));
        c.add(Arguments.of("dims as fixed64", model(7, 11, graph("g", List.of(), List.of(message().fixed64Field(1, 1)
                .varintField(2, 1).stringField(8, "w").bytesField(9, le(1f))), List.of(), List.of())),
                List.of("TensorProto.dims", "wire type 1")));
        c.add(Arguments.of("data_type as a string", model(7, 11, graph("g", List.of(), List.of(message()
                .packedVarints(1, 1).stringField(2, "float").stringField(8, "w").bytesField(9, le(1f))), List.of(),
                List.of())), List.of("TensorProto.data_type")));
        c.add(Arguments.of("float_data as a varint", model(7, 11, graph("g", List.of(), List.of(message()
                .packedVarints(1, 1).varintField(2, 1).stringField(8, "w").varintField(4, 1)), List.of(), List.of())),
                List.of("TensorProto.float_data", "wire type 0")));
        c.add(Arguments.of("packed floats of 5 bytes", model(7, 11, graph("g", List.of(), List.of(message()
                .packedVarints(1, 1).varintField(2, 1).stringField(8, "w").bytesField(4, new byte[5])), List.of(),
                List.of())), List.of("truncated")));
        c.add(Arguments.of("op_type as a varint", model(7, 11, message().messageField(1, message().stringField(1, "x")
                .varintField(4, 3))), List.of("NodeProto.op_type", "wire type 0")));
        c.add(Arguments.of("node input as fixed32", model(7, 11, message().messageField(1, message().fixed32Field(1, 0)
                .stringField(4, "Relu"))), List.of("NodeProto.input")));
        c.add(Arguments.of("graph input as fixed32", model(7, 11, message().fixed32Field(11, 0)),
                List.of("GraphProto.input")));
        c.add(Arguments.of("attribute f as a varint", model(7, 11, message().messageField(1, node("n", "Relu",
                List.of("x"), List.of("y"), message().stringField(1, "alpha").varintField(2, 1)))),
                List.of("AttributeProto.f", "wire type 0")));
        c.add(Arguments.of("attribute ints as fixed64", model(7, 11, message().messageField(1, node("n", "Conv",
                List.of("x"), List.of("y"), message().stringField(1, "pads").fixed64Field(8, 1)))),
                List.of("AttributeProto.ints", "wire type 1")));
        c.add(Arguments.of("dim_value as a string", model(7, 11, message().messageField(11, message().stringField(1, "x")
                .messageField(2, message().messageField(1, message().varintField(1, 1).messageField(2, message()
                        .messageField(1, message().stringField(1, "4"))))))), List.of("Dimension.dim_value")));
        for (int wt : new int[] {3, 4, 6, 7}) {
            c.add(Arguments.of("wire type " + wt, message().messageField(8, OPSET_11).tag(42, wt).varint(1),
                    List.of("unsupported wire type " + wt)));
        }
        c.add(Arguments.of("field number 0", message().tag(0, 0).varint(1), List.of("invalid field tag")));
        c.add(Arguments.of("field number 0 in a node", model(7, 11, message().messageField(1, message().tag(0, 2)
                .varint(0))), List.of("invalid field tag")));
        // varints
        c.add(Arguments.of("11-byte varint value", message().tag(1, 0).raw(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
                0x80, 0x80, 0x01), List.of("varint longer than 10 bytes")));
        c.add(Arguments.of("11-byte tag", message().raw(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
                List.of("varint longer than 10 bytes")));
        c.add(Arguments.of("11-byte length", message().tag(7, LEN).raw(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
                0x80, 0x80, 0x00), List.of("varint longer than 10 bytes")));
        c.add(Arguments.of("varint cut by the end", message().messageField(8, OPSET_11).tag(1, 0).raw(0x80),
                List.of("truncated varint")));
        c.add(Arguments.of("varint cut by its message's end", model(7, 11, message().messageField(1, message()
                .stringField(4, "Relu").tag(30, 0).raw(0x80)).stringField(2, "after")), List.of("truncated varint")));
        // lengths
        c.add(Arguments.of("graph length past the end", message().messageField(8, OPSET_11).tag(7, LEN).varint(1000)
                .raw(new byte[10]), List.of("length 1000 runs past the end")));
        OnnxWireBuilder lyingNode = message().tag(1, LEN).varint(200).raw(0x22, 0x01, 0x41);
        c.add(Arguments.of("node length past its graph, inside the file", message().varintField(1, 7)
                .messageField(7, lyingNode).messageField(8, OPSET_11).bytesField(99, new byte[300]),
                List.of("length 200 runs past the end")));
        c.add(Arguments.of("length -1", message().messageField(8, OPSET_11).tag(7, LEN).varint(-1),
                List.of("runs past the end")));
        c.add(Arguments.of("length 2^40", message().messageField(8, OPSET_11).tag(7, LEN).varint(1L << 40),
                List.of("runs past the end")));
        c.add(Arguments.of("length 2^31", message().messageField(8, OPSET_11).tag(2, LEN).varint(1L << 31).raw(0x41),
                List.of("runs past the end")));
        c.add(Arguments.of("string length past the end", message().messageField(8, OPSET_11).tag(2, LEN).varint(5)
                .raw(0x41), List.of("length 5 runs past the end")));
        c.add(Arguments.of("raw_data length past its tensor", model(7, 11, graph("g", List.of(), List.of(message()
                .packedVarints(1, 1).varintField(2, 1).stringField(8, "w").tag(9, LEN).varint(4)), List.of(),
                List.of())), List.of("length 4 runs past the end")));
        c.add(Arguments.of("fixed32 cut by the end", message().messageField(8, OPSET_11).tag(50, 5).raw(1, 2),
                List.of("truncated: 4 bytes needed")));
        c.add(Arguments.of("fixed64 cut by the end", message().messageField(8, OPSET_11).tag(50, 1).raw(1, 2, 3, 4, 5),
                List.of("truncated: 8 bytes needed")));
        return c.stream().map(a -> Arguments.of(a.get()[0], ((OnnxWireBuilder) a.get()[1]).bytes(), a.get()[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wireFormatCases")
    void wireFormatErrorsAreRejected(String name, byte[] bytes, List<String> fragments) {
        String file = name.replaceAll("[^A-Za-z0-9]+", "-") + ".onnx";
        bothReject(file, bytes, fragments.toArray(new String[0]));
    }

    // ---- huge declarations: rejected before anything that size is allocated ----

    @Test
    void initializerClaiming2To40ElementsWith4BytesIsRejected() {
        bothReject("init-2-40.onnx", withInitializer(OnnxWireBuilder.rawTensor("w", 1, dims(1L << 40), le(1f))),
                "'w'", "more than 2^31 elements");
        bothReject("init-2-20-squared.onnx", withInitializer(OnnxWireBuilder.rawTensor("w", 1, dims(1 << 20, 1 << 20),
                le(1f))), "'w'", "more than 2^31 elements");
        bothReject("init-int-max.onnx", withInitializer(OnnxWireBuilder.rawTensor("w", 1, dims(Integer.MAX_VALUE),
                le(1f))), "'w'", "carries 4 bytes");
        bothReject("init-int64-2-28.onnx", withInitializer(int64Tensor("s", dims(1 << 28), 5)), "'s'", "carries 1");
        bothReject("init-float-data-2-30.onnx", withInitializer(message().packedVarints(1, 1 << 30).varintField(2, 1)
                .stringField(8, "f").packedFloats(4, 1f)), "'f'", "carries 1");
        bothReject("init-negative-dim.onnx", withInitializer(OnnxWireBuilder.rawTensor("w", 1, dims(-1, -4), le(1f))),
                "'w'", "negative dimension");
        OnnxWireBuilder constant = node("k", "Constant", List.of(), List.of("k"), OnnxWireBuilder.attrTensor("value",
                OnnxWireBuilder.rawTensor("kv", 1, dims(1L << 40), le(1f))));
        bothReject("constant-2-40.onnx", graphModel(constant, node("r", "Relu", List.of("input"), List.of("y"))),
                "'kv'", "more than 2^31 elements");
    }

    @Test
    void reshapeToAHugeShapeIsRejected() {
        byte[] m = graphModel(List.of(node("rs", "Reshape", List.of("input", "shape"), List.of("y"))),
                List.of(int64Tensor("shape", dims(3), 100000, 100000, 100000)));
        networkRejects("reshape-huge.onnx", m, "Reshape", "too large");
        byte[] neg = graphModel(List.of(node("rs", "Reshape", List.of("input", "shape"), List.of("y"))),
                List.of(int64Tensor("shape", dims(2), -5, 16)));
        networkRejects("reshape-negative.onnx", neg, "Reshape", "-5");
    }

    @Test
    void hugeInputsAreRejected() {
        for (long side : new long[] {1_000_000_000L, 1L << 40, 16384}) {
            byte[] m = model(7, 11, graph("g", List.of(node("r", "Relu", List.of("input"), List.of("y"))), List.of(),
                    List.of(floatValue("input", 1L, 3L, side, side)), List.of(floatValue("y")))).bytes();
            networkRejects("input-" + side + ".onnx", m, "over the limit");
        }
        byte[] negative = model(7, 11, graph("g", List.of(node("r", "Relu", List.of("input"), List.of("y"))), List.of(),
                List.of(floatValue("input", 1L, 3L, -4L, 4L)), List.of(floatValue("y")))).bytes();
        bothReject("input-negative.onnx", negative, "negative dimension -4");
    }

    @Test
    void sliceWithAHugeStepIsRejected() {
        byte[] m = graphModel(List.of(node("s", "Slice", List.of("input", "st", "en", "ax", "step"), List.of("y"))),
                List.of(int64Tensor("st", dims(1), 0), int64Tensor("en", dims(1), 4), int64Tensor("ax", dims(1), 3),
                        int64Tensor("step", dims(1), Long.MIN_VALUE)));
        networkRejects("slice-step.onnx", m, "Slice", "out of range");
    }

    // ---- graph structure ----

    @Test
    void cyclicGraphIsRejected() {
        byte[] twoNodes = graphModel(node("a", "Add", List.of("input", "b"), List.of("a")),
                node("b", "Relu", List.of("a"), List.of("b")), node("out", "Identity", List.of("b"), List.of("y")));
        networkRejects("cycle.onnx", twoNodes, "cycle");
        byte[] selfLoop = graphModel(node("loop", "Add", List.of("input", "y"), List.of("y")));
        networkRejects("self-loop.onnx", selfLoop, "cycle", "loop");
    }

    @Test
    void nodeReadingAMissingInitializerIsRejected() {
        byte[] m = graphModel(List.of(node("conv", "Conv", List.of("input", "W_missing"), List.of("y"))),
                List.of(floatTensor("W_present", dims(1, 3, 1, 1), 1f, 1f, 1f)));
        networkRejects("missing-init.onnx", m, "'W_missing'", "Conv node 'conv'", "missing initializer");
    }

    @Test
    void duplicateProducerIsRejected() {
        byte[] twice = graphModel(node("r1", "Relu", List.of("input"), List.of("y")),
                node("r2", "Sigmoid", List.of("input"), List.of("y")));
        networkRejects("dup-producer.onnx", twice, "'y'", "produced twice");
        byte[] overInput = graphModel(node("r1", "Relu", List.of("input"), List.of("input")),
                node("r2", "Relu", List.of("input"), List.of("y")));
        networkRejects("overwrites-input.onnx", overInput, "'input'", "produced twice");
        byte[] overInit = graphModel(List.of(node("r1", "Relu", List.of("input"), List.of("w")),
                node("r2", "Add", List.of("input", "w"), List.of("y"))), List.of(floatTensor("w", dims(1), 1f)));
        networkRejects("overwrites-initializer.onnx", overInit, "'w'", "produced twice");
    }

    @Test
    void unsupportedOperatorIsRejectedByName() {
        EngineException e = networkRejects("softmax.onnx", graphModel(node("sm", "Softmax", List.of("input"),
                List.of("y"), attrInt("axis", 1))), "Softmax", "not supported");
        assertTrue(e.getMessage().contains("'sm'"), e.getMessage());
        networkRejects("custom-domain.onnx", graphModel(message().stringField(1, "input").stringField(2, "y")
                .stringField(3, "ms").stringField(4, "Relu").stringField(7, "com.microsoft")), "com.microsoft");
        networkRejects("resize-linear.onnx", graphModel(List.of(node("rz", "Resize", List.of("input", "", "sc"),
                List.of("y"), attrString("mode", "linear"))), List.of(floatTensor("sc", dims(4), 1f, 1f, 2f, 2f))),
                "Resize", "'linear'");
    }

    @Test
    void unsupportedAttributeIsRejectedByName() {
        byte[] foo = graphModel(List.of(node("conv", "Conv", List.of("input", "W"), List.of("y"),
                attrInts("kernel_shape", 1, 1), attrInt("foo", 3))), List.of(floatTensor("W", dims(1, 3, 1, 1), 1f, 2f, 3f)));
        networkRejects("conv-foo.onnx", foo, "'foo'", "Conv node 'conv'", "not supported");
        byte[] reluAlpha = graphModel(node("relu", "Relu", List.of("input"), List.of("y"),
                OnnxWireBuilder.attrFloat("alpha", 0.1f)));
        networkRejects("relu-alpha.onnx", reluAlpha, "'alpha'", "Relu");
        byte[] wrongType = graphModel(List.of(node("conv", "Conv", List.of("input", "W"), List.of("y"),
                attrString("group", "one"))), List.of(floatTensor("W", dims(1, 3, 1, 1), 1f, 2f, 3f)));
        networkRejects("conv-group-string.onnx", wrongType, "'group'", "string");
    }

    @Test
    void malformedGraphsAreRejected() {
        OnnxWireBuilder relu = node("r", "Relu", List.of("input"), List.of("y"));
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("opset-99", new Object[] {model(7, 99, graph("g", List.of(relu), List.of(),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y")))), "opset 99"});
        cases.put("no-inputs", new Object[] {model(7, 11, graph("g", List.of(relu), List.of(), List.of(),
                List.of(floatValue("y")))), "one image input"});
        cases.put("two-inputs", new Object[] {model(7, 11, graph("g", List.of(relu), List.of(),
                List.of(floatValue("input", 1L, 3L, 4L, 4L), floatValue("other", 1L)), List.of(floatValue("y")))),
                "one image input"});
        cases.put("rank-3-input", new Object[] {model(7, 11, graph("g", List.of(relu), List.of(),
                List.of(floatValue("input", 3L, 4L, 4L)), List.of(floatValue("y")))), "[1, 3, H, W]"});
        cases.put("int64-input", new Object[] {model(7, 11, graph("g", List.of(relu), List.of(),
                List.of(OnnxWireBuilder.valueInfo("input", 7, 1L, 3L, 4L, 4L)), List.of(floatValue("y")))), "not float"});
        cases.put("no-outputs", new Object[] {model(7, 11, graph("g", List.of(relu), List.of(),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of())), "no outputs"});
        cases.put("ghost-output", new Object[] {model(7, 11, graph("g", List.of(relu), List.of(),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("ghost")))), "'ghost'"});
        cases.put("node-without-outputs", new Object[] {model(7, 11, graph("g",
                List.of(relu, node("dead", "Relu", List.of("input"), List.of())), List.of(),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y")))), "no output"});
        cases.put("conv-runtime-weight", new Object[] {model(7, 11, graph("g",
                List.of(node("conv", "Conv", List.of("input", "input"), List.of("y"))), List.of(),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y")))), "must be constant"});
        cases.put("conv-without-weight", new Object[] {model(7, 11, graph("g",
                List.of(node("conv", "Conv", List.of("input"), List.of("y"))), List.of(),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y")))), "lacks input 1"});
        cases.put("conv-kernel-too-big", new Object[] {model(7, 11, graph("g",
                List.of(node("conv", "Conv", List.of("input", "W"), List.of("y"))),
                List.of(floatTensor("W", dims(1, 3, 9, 9), new float[243])),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y")))), "does not fit"});
        cases.put("conv-channels", new Object[] {model(7, 11, graph("g",
                List.of(node("conv", "Conv", List.of("input", "W"), List.of("y"))),
                List.of(floatTensor("W", dims(1, 5, 1, 1), new float[5])),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y")))), "group"});
        cases.put("gather-out-of-range", new Object[] {model(7, 11, graph("g",
                List.of(node("ga", "Gather", List.of("input", "idx"), List.of("y"), attrInt("axis", 1))),
                List.of(int64Tensor("idx", dims(1), 3)),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y")))), "out of range"});
        cases.put("transpose-bad-perm", new Object[] {model(7, 11, graph("g",
                List.of(node("tr", "Transpose", List.of("input"), List.of("y"), attrInts("perm", 0, 1, 1, 2))),
                List.of(), List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y")))),
                "not a permutation"});
        cases.put("constant-without-value", new Object[] {model(7, 11, graph("g",
                List.of(relu, node("k", "Constant", List.of(), List.of("k"))), List.of(),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y")))), "no tensor 'value'"});
        cases.put("two-graphs", new Object[] {model(7, 11, graph("g", List.of(relu), List.of(),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y"))))
                .messageField(7, message().stringField(2, "second")), "two graphs"});
        cases.put("sparse-initializer", new Object[] {model(7, 11, message().messageField(15, message())),
                "sparse initializers"});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            networkRejects(c.getKey() + ".onnx", ((OnnxWireBuilder) c.getValue()[0]).bytes(), (String) c.getValue()[1]);
        }
    }

    @Test
    void externalDataIsRejected() {
        OnnxWireBuilder external = message().packedVarints(1, 4).varintField(2, 1).stringField(8, "w_ext")
                .messageField(13, message().stringField(1, "location").stringField(2, "weights.bin"))
                .varintField(14, 1);
        bothReject("external-data.onnx", withInitializer(external), "'w_ext'", "external");
        OnnxWireBuilder locationOnly = message().packedVarints(1, 4).varintField(2, 1).stringField(8, "w_loc")
                .varintField(14, 1);
        bothReject("data-location.onnx", withInitializer(locationOnly), "'w_loc'", "external");
    }

    @Test
    void aLongChainOfNodesLoadsWithoutDeepRecursion() {
        int n = 50_000;
        List<OnnxWireBuilder> nodes = new ArrayList<>(n);
        // written last-to-first, so a recursive orderer would have to go n deep
        for (int i = n - 1; i >= 0; i--) {
            nodes.add(node("id" + i, i % 2 == 0 ? "Identity" : "Relu", List.of(i == 0 ? "input" : "t" + (i - 1)),
                    List.of(i == n - 1 ? "y" : "t" + i)));
        }
        Path f = write("chain.onnx", model(7, 11, graph("chain", nodes, List.of(),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y", 1L, 3L, 4L, 4L)))).bytes());
        Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(60L * TIME_SCALE), () -> {
            try (JavaNetwork net = new JavaNetwork(f, 1); EngineSession s = net.openSession()) {
                FloatBuffer in = s.inputBuffer(4, 4);
                for (int i = 0; i < 48; i++) {
                    in.put(i - 24);
                }
                List<Tensor> out = s.run(4, 4);
                float[] expected = new float[48];
                for (int i = 0; i < 48; i++) {
                    expected[i] = Math.max(0, i - 24);
                }
                assertArrayEquals(expected, out.get(0).data());
                return null;
            } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
                return e;
            }
        });
        if (t != null) {
            throw new AssertionFailedError("a " + n + "-node chain must load and run", t);
        }
    }

    // ---- files that are not ONNX at all ----

    @Test
    void emptyFileIsRejected() {
        bothReject("empty.onnx", new byte[0], "no graph");
    }

    @Test
    void aMegabyteOfFfIsRejected() {
        byte[] ff = new byte[1 << 20];
        Arrays.fill(ff, (byte) 0xff);
        bothReject("ff.onnx", ff, "varint longer than 10 bytes");
    }

    @Test
    void aMegabyteOfZerosIsRejected() {
        bothReject("zeros.onnx", new byte[1 << 20], "invalid field tag 0");
    }

    @Test
    void randomBytesAreRejected() {
        Random rnd = new Random(20240611L);
        for (int i = 0; i < 60; i++) {
            byte[] b = new byte[1 + rnd.nextInt(i < 50 ? 4096 : 1 << 20)];
            rnd.nextBytes(b);
            String name = "random-" + i + ".onnx";
            readerRejects(name, b);
            networkRejects(name, b);
        }
    }

    // ---- mutated valid models: accepted or rejected cleanly, never anything else ----

    /**
     * System properties for a longer campaign, e.g. {@code -Dscrfd.onnx.mutants=40000 -Dscrfd.onnx.seed=99}
     * (a mutant's edits are in the failure message, so a finding can be rebuilt by hand).
     */
    static final String MUTANTS = "scrfd.onnx.mutants";
    static final String SEED = "scrfd.onnx.seed";

    @Test
    void mutantsOfTheSmallModelLoadOrFailCleanly() {
        mutants("tiny", OnnxWireBuilder.convRelu().bytes(), Integer.getInteger(MUTANTS, 1500), 4, 4,
                Long.getLong(SEED, 11L));
    }

    @Test
    void mutantsOfAModelUsingEveryOperatorLoadOrFailCleanly() {
        mutants("every-op", OnnxWireBuilder.everyOperator().bytes(), Integer.getInteger(MUTANTS, 2500), 8, 8,
                Long.getLong(SEED, 12L));
    }

    /**
     * Applies 1 to 3 random byte edits (overwrite, bit flip, special value, insert, delete) to
     * {@code original}, {@code count} times; each mutant must load (and then run) or fail with an
     * EngineException caused by an OnnxFormatException. The original must load and run.
     */
    private void mutants(String label, byte[] original, int count, int w, int h, long seed) {
        Path base = write(label + ".onnx", original);
        Throwable ok = thrown(label, () -> loadAndMaybeRun(base, w, h));
        if (ok != null) {
            throw new AssertionFailedError("the unmutated " + label + " model must load and run", ok);
        }
        Random rnd = new Random(seed);
        int loaded = 0;
        int rejected = 0;
        List<String> failures = new ArrayList<>();
        Throwable first = null;
        for (int i = 0; i < count; i++) {
            byte[] m = original.clone();
            StringBuilder edits = new StringBuilder();
            int k = 1 + rnd.nextInt(3);
            for (int e = 0; e < k; e++) {
                m = mutate(m, rnd, edits);
            }
            String name = label + "-mutant-" + i + ".onnx";
            Path f = write(name, m);
            Throwable t = thrown(name + " (" + edits + ")", () -> loadAndMaybeRun(f, w, h));
            if (t == null) {
                loaded++;
            } else if (t instanceof EngineException && t.getCause() instanceof OnnxFormatException
                    && t.getMessage().contains(f.toString())) {
                rejected++;
            } else {
                failures.add(name + " [" + edits + "]: " + t);
                if (first == null) {
                    first = t;
                }
            }
            try {
                Files.delete(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionFailedError(failures.size() + " of " + count + " " + label + " mutants failed uncleanly ("
                    + loaded + " loaded, " + rejected + " rejected cleanly); first ones:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(10, failures.size()))), first);
        }
        assertEquals(count, loaded + rejected);
        assertTrue(rejected > count / 10, "the mutations should break a good share of the models: " + rejected);
    }

    /** Loads; when the compiled model is small, runs it once on a ramp too. */
    private static void loadAndMaybeRun(Path f, int w, int h) {
        try (JavaNetwork net = new JavaNetwork(f, 1)) {
            if (net.input().dynamic() || net.input().width() != w || net.input().height() != h) {
                return;
            }
            long work = net.workByKind(w, h).values().stream().mapToLong(Long::longValue).sum();
            if (work > 5_000_000) {
                return;
            }
            try (EngineSession s = net.openSession()) {
                FloatBuffer in = s.inputBuffer(w, h);
                for (int i = 0; i < 3 * w * h; i++) {
                    in.put((i % 13 - 6) / 3f);
                }
                List<Tensor> out = s.run(w, h);
                if (out.size() != net.outputs().size()) {
                    throw new IllegalStateException(out.size() + " outputs for " + net.outputs());
                }
            }
        }
    }

    private static byte[] mutate(byte[] m, Random rnd, StringBuilder edits) {
        int kind = rnd.nextInt(6);
        int at = rnd.nextInt(m.length);
        switch (kind) {
            case 0: {
                byte v = (byte) rnd.nextInt(256);
                edits.append(String.format("set %d=%02x ", at, v & 0xff));
                m[at] = v;
                return m;
            }
            case 1: {
                int bit = rnd.nextInt(8);
                edits.append("flip ").append(at).append('.').append(bit).append(' ');
                m[at] ^= (byte) (1 << bit);
                return m;
            }
            case 2: {
                byte v = (byte) new int[] {0x00, 0xff, 0x7f, 0x80, 0x01}[rnd.nextInt(5)];
                edits.append(String.format("set %d=%02x ", at, v & 0xff));
                m[at] = v;
                return m;
            }
            case 3: {
                byte v = (byte) rnd.nextInt(256);
                edits.append(String.format("insert %d:%02x ", at, v & 0xff));
                byte[] r = new byte[m.length + 1];
                System.arraycopy(m, 0, r, 0, at);
                r[at] = v;
                System.arraycopy(m, at, r, at + 1, m.length - at);
                return r;
            }
            case 4: {
                if (m.length < 2) {
                    return m;
                }
                edits.append("delete ").append(at).append(' ');
                byte[] r = new byte[m.length - 1];
                System.arraycopy(m, 0, r, 0, at);
                System.arraycopy(m, at + 1, r, at, m.length - at - 1);
                return r;
            }
            default: {
                // a varint-sized number where a byte was: lengths and dims grow
                int n = 1 + rnd.nextInt(4);
                edits.append("widen ").append(at).append('x').append(n).append(' ');
                byte[] r = new byte[m.length + n];
                System.arraycopy(m, 0, r, 0, at);
                for (int i = 0; i < n; i++) {
                    r[at + i] = (byte) (0x80 | rnd.nextInt(128));
                }
                System.arraycopy(m, at, r, at + n, m.length - at);
                return r;
            }
        }
    }

    // ---- inputs found to escape as other exceptions (see the report) ----

    @Test
    void graphOutputWithoutANameIsRejected() {
        // a ValueInfoProto with no name field: "" is treated as always available, then looked up in vain
        byte[] m = model(7, 11, graph("g", List.of(node("r", "Relu", List.of("input"), List.of("y"))), List.of(),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)), List.of(floatValue("y"), message()))).bytes();
        networkRejects("unnamed-output.onnx", m, "output");
    }

    @Test
    void stringAttributeWithoutAValueIsRejected() {
        // AttributeProto with type STRING (3) but no s field: refused by the reader, naming the node and attribute
        OnnxWireBuilder noMode = message().stringField(1, "mode").varintField(20, 3);
        OnnxWireBuilder noCtm = message().stringField(1, "coordinate_transformation_mode").varintField(20, 3);
        OnnxWireBuilder noPad = message().stringField(1, "auto_pad").varintField(20, 3);
        List<OnnxWireBuilder> scales = List.of(floatTensor("sc", dims(4), 1f, 1f, 2f, 2f));
        assertAll(
                () -> networkRejects("resize-mode-unset.onnx", graphModel(List.of(node("rz", "Resize",
                        List.of("input", "", "sc"), List.of("y"), noMode)), scales), "node 0", "'mode'"),
                () -> networkRejects("resize-ctm-unset.onnx", graphModel(List.of(node("rz", "Resize",
                        List.of("input", "", "sc"), List.of("y"), noCtm)), scales), "node 0",
                        "coordinate_transformation_mode"),
                () -> networkRejects("conv-auto-pad-unset.onnx", graphModel(List.of(node("conv", "Conv",
                        List.of("input", "W"), List.of("y"), noPad)), List.of(floatTensor("W", dims(1, 3, 1, 1), 1f, 2f,
                        3f))), "node 0", "auto_pad"));
    }

    @Test
    void concatWhoseDimensionOverflowsIsRejected() {
        // two empty constants of shape [0, 2^31 - 1]: zero elements, so they carry no data
        byte[] m = graphModel(List.of(node("r", "Relu", List.of("input"), List.of("y")),
                        node("cat", "Concat", List.of("a", "b"), List.of("ab"), attrInt("axis", 1))),
                List.of(OnnxWireBuilder.rawTensor("a", 1, dims(0, Integer.MAX_VALUE), new byte[0]),
                        OnnxWireBuilder.rawTensor("b", 1, dims(0, Integer.MAX_VALUE), new byte[0])));
        networkRejects("concat-overflow.onnx", m, "Concat");
    }

    @Test
    void resizeToAHugeSizeIsRejectedWithoutAllocatingIt() {
        // input [1,3,1024,1024] seen as [1,1,3145728,1], then 1024 times taller: 3.2e9 rows
        byte[] m = model(7, 11, graph("g",
                List.of(node("rs", "Reshape", List.of("input", "shape"), List.of("tall")),
                        node("up", "Resize", List.of("tall", "", "scales"), List.of("y"), attrString("mode", "nearest"))),
                List.of(int64Tensor("shape", dims(4), 1, 1, 3 * 1024 * 1024, 1),
                        floatTensor("scales", dims(4), 1f, 1f, 1024f, 1f)),
                List.of(floatValue("input", 1L, 3L, 1024L, 1024L)), List.of(floatValue("y")))).bytes();
        networkRejects("resize-huge.onnx", m, "Resize");
    }
}
