package io.github.scrfd4j.onnx;

import static io.github.scrfd4j.onnx.OnnxWireBuilder.attrFloat;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.attrInt;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.attrInts;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.dims;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.floatTensor;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.floatValue;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.graph;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.message;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.model;
import static io.github.scrfd4j.onnx.OnnxWireBuilder.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import io.github.scrfd4j.network.JavaNetwork;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OnnxReader} against models written byte by byte with {@link OnnxWireBuilder}: every field the
 * reader keeps is checked against what was written, in every encoding protobuf allows for it (raw
 * and typed data, packed and unpacked repeats, symbolic dims, unknown fields of each wire type).
 */
class OnnxReaderTest {
    @TempDir
    Path tmp;

    // ---- the writer itself, against the protobuf encoding documentation ----

    @Test
    void wireBuilderWritesTheDocumentedEncodings() {
        // "field 1, varint 150" is 08 96 01 in the protobuf encoding guide
        assertArrayEquals(new byte[] {0x08, (byte) 0x96, 0x01}, message().varintField(1, 150).bytes());
        // 300 = ac 02
        assertArrayEquals(new byte[] {(byte) 0xac, 0x02}, message().varint(300).bytes());
        // field 2, string "testing" = 12 07 74 65 73 74 69 6e 67
        assertArrayEquals(new byte[] {0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67},
                message().stringField(2, "testing").bytes());
        // int64 -1 takes ten bytes: nine ff and 01
        assertArrayEquals(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, 0x01}, message().varint(-1).bytes());
        // field 4 packed [3, 270, 86942] = 22 06 03 8e 02 9e a7 05
        assertArrayEquals(new byte[] {0x22, 0x06, 0x03, (byte) 0x8e, 0x02, (byte) 0x9e, (byte) 0xa7, 0x05},
                message().packedVarints(4, 3, 270, 86942).bytes());
        // a fixed32 float 1.0f is 3f800000, little-endian, after tag (2 << 3 | 5) = 0x15
        assertArrayEquals(new byte[] {0x15, 0, 0, (byte) 0x80, 0x3f}, message().floatField(2, 1f).bytes());
        // a fixed64 field 1 is tag 09 and eight little-endian bytes
        assertArrayEquals(new byte[] {0x09, 1, 2, 3, 4, 5, 6, 7, 8},
                message().fixed64Field(1, 0x0807060504030201L).bytes());
        // a long field number: field 20 varint = a0 01
        assertArrayEquals(new byte[] {(byte) 0xa0, 0x01, 0x04}, message().varintField(20, 4).bytes());
    }

    // ---- the model header ----

    @Test
    void readsModelFieldsInAnyOrderAndSkipsUnknownOnes() {
        OnnxWireBuilder g = graph("g0", List.of(node("n", "Relu", List.of("x"), List.of("y"))), List.of(),
                List.of(floatValue("x", 1L, 3L, 8L, 8L)), List.of(floatValue("y", 1L, 3L, 8L, 8L)));
        byte[] bytes = message()
                .messageField(7, g)                                     // graph first
                .stringField(3, "9.9")                                  // producer_version: unknown here
                .fixed64Field(99, 0x1122334455667788L)                  // unknown fixed64
                .fixed32Field(100, 0xdeadbeef)                          // unknown fixed32
                .varintField(101, -5)                                   // unknown varint, ten bytes
                .messageField(14, message().stringField(1, "k").stringField(2, "v")) // metadata_props
                .messageField(8, message().stringField(1, "com.microsoft").varintField(2, 1))
                .messageField(8, message().stringField(1, "ai.onnx").varintField(2, 12))
                .stringField(2, "hand-written")
                .varintField(1, 8)
                .bytes();
        OnnxModel m = OnnxReader.parse(bytes, "header.onnx");
        assertEquals(8, m.irVersion());
        assertEquals(12, m.opset(), "the ai.onnx import is the default domain; com.microsoft is ignored");
        assertEquals("hand-written", m.producer());
        assertEquals("g0", m.graph().name());
        assertEquals(1, m.graph().nodes().size());
        assertEquals("Relu", m.graph().nodes().get(0).opType());
    }

    @Test
    void emptyDomainImportIsTheDefaultOpset() {
        OnnxModel m = OnnxReader.parse(OnnxWireBuilder.convRelu().bytes(), "tiny.onnx");
        assertEquals(6, m.irVersion());
        assertEquals(11, m.opset());
        assertEquals("scrfd4j-test", m.producer());
    }

    @Test
    void missingGraphOrOpsetIsAnError() {
        OnnxFormatException noGraph = assertThrows(OnnxFormatException.class, () -> OnnxReader.parse(
                message().varintField(1, 7).messageField(8, message().varintField(2, 11)).bytes(), "nograph.onnx"));
        assertTrue(noGraph.getMessage().contains("nograph.onnx") && noGraph.getMessage().contains("no graph"),
                noGraph.getMessage());
        OnnxWireBuilder g = graph("g", List.of(), List.of(), List.of(), List.of());
        OnnxFormatException noOpset = assertThrows(OnnxFormatException.class, () -> OnnxReader.parse(
                message().messageField(7, g).messageField(8, message().stringField(1, "com.microsoft").varintField(2, 1))
                        .bytes(), "noopset.onnx"));
        assertTrue(noOpset.getMessage().contains("noopset.onnx") && noOpset.getMessage().contains("opset"),
                noOpset.getMessage());
    }

    // ---- nodes and attributes ----

    @Test
    void readsAConvReluGraph() {
        OnnxGraph g = OnnxReader.parse(OnnxWireBuilder.convRelu().bytes(), "tiny.onnx").graph();
        assertEquals("tiny", g.name());
        assertEquals(2, g.nodes().size());
        OnnxNode conv = g.nodes().get(0);
        assertEquals("conv0", conv.name());
        assertEquals("Conv", conv.opType());
        assertEquals("", conv.domain());
        assertEquals(List.of("input", "W", "B"), conv.inputs());
        assertEquals(List.of("c"), conv.outputs());
        assertEquals(List.of("kernel_shape", "strides", "pads", "dilations", "group"),
                List.copyOf(conv.attributes().keySet()), "attributes in file order");
        assertArrayEquals(new long[] {1, 1}, conv.attributes().get("kernel_shape").ints());
        assertArrayEquals(new long[] {0, 0, 0, 0}, conv.attributes().get("pads").ints());
        assertEquals(OnnxAttribute.INTS, conv.attributes().get("strides").type());
        assertEquals(OnnxAttribute.INT, conv.attributes().get("group").type());
        assertEquals(1, conv.attributes().get("group").i());
        assertEquals("Conv node 'conv0'", conv.label());
        OnnxNode relu = g.nodes().get(1);
        assertEquals("Relu", relu.opType());
        assertEquals(List.of("c"), relu.inputs());
        assertEquals(List.of("output"), relu.outputs());
        assertTrue(relu.attributes().isEmpty());

        OnnxTensor w = g.initializers().get("W");
        assertEquals(OnnxTensor.FLOAT, w.dataType());
        assertArrayEquals(new long[] {2, 3, 1, 1}, w.dims());
        assertArrayEquals(OnnxWireBuilder.CONV_W, w.floats());
        assertNull(w.longs());
        assertEquals(6, w.elementCount());
        assertArrayEquals(OnnxWireBuilder.CONV_B, g.initializers().get("B").floats());
        assertEquals(List.of("W", "B"), List.copyOf(g.initializers().keySet()));

        assertEquals(1, g.inputs().size());
        assertEquals("input", g.inputs().get(0).name());
        assertEquals(OnnxTensor.FLOAT, g.inputs().get(0).elementType());
        assertArrayEquals(new long[] {1, 3, 4, 4}, g.inputs().get(0).dims());
        assertEquals("output", g.outputs().get(0).name());
        assertArrayEquals(new long[] {1, 2, 4, 4}, g.outputs().get(0).dims());
    }

    @Test
    void readsEveryAttributeKind() {
        OnnxWireBuilder tensor = OnnxWireBuilder.int64Tensor("tv", dims(2), 7, -8);
        OnnxWireBuilder n = message()
                .stringField(1, "a").stringField(1, "").stringField(1, "c")      // an omitted optional input
                .stringField(2, "y").stringField(2, "z")
                .stringField(3, "node-name").stringField(4, "MyOp").stringField(7, "custom.domain")
                .fixed64Field(50, 1L).varintField(51, 2).fixed32Field(52, 3).stringField(53, "skip me") // unknown
                .messageField(5, attrFloat("alpha", 0.125f))
                .messageField(5, attrInt("neg", -3))
                .messageField(5, OnnxWireBuilder.attrString("mode", "nearest"))
                .messageField(5, OnnxWireBuilder.attrTensor("value", tensor))
                .messageField(5, OnnxWireBuilder.attrFloats("packedF", 1.5f, -2.5f, 1e-7f))
                .messageField(5, message().stringField(1, "unpackedF").unpackedFloats(7, 3f, 4f).varintField(20, 6))
                .messageField(5, attrInts("packedI", 1, -1, 1L << 40))
                .messageField(5, message().stringField(1, "unpackedI").unpackedVarints(8, 5, 6, -7).varintField(20, 7))
                .messageField(5, message().stringField(1, "mixedI").unpackedVarints(8, 1).packedVarints(8, 2, 3)
                        .varintField(20, 7))
                // no type field (IR < 2): the kind comes from the field that is set
                .messageField(5, message().stringField(1, "untypedF").floatField(2, 2.5f))
                .messageField(5, message().stringField(1, "untypedI").varintField(3, 9))
                .messageField(5, message().stringField(1, "untypedS").stringField(4, "str"))
                .messageField(5, message().stringField(1, "untypedInts").packedVarints(8, 4, 5))
                .messageField(5, message().stringField(1, "untypedFloats").packedFloats(7, 0.5f))
                .messageField(5, message().stringField(1, "untypedT").messageField(5, tensor))
                // graph and strings attributes are kept as their kind only
                .messageField(5, message().stringField(1, "body").messageField(6, message().stringField(2, "sub"))
                        .varintField(20, 5))
                .messageField(5, message().stringField(1, "names").stringField(9, "p").stringField(9, "q")
                        .varintField(20, 8));
        OnnxWireBuilder g = message().messageField(1, n).stringField(2, "attrs");
        OnnxModel m = OnnxReader.parse(message().messageField(8, message().varintField(2, 11)).messageField(7, g)
                .bytes(), "attrs.onnx");
        OnnxNode node = m.graph().nodes().get(0);
        assertEquals("node-name", node.name());
        assertEquals("MyOp", node.opType());
        assertEquals("custom.domain", node.domain());
        assertEquals(List.of("a", "", "c"), node.inputs());
        assertEquals(List.of("y", "z"), node.outputs());
        Map<String, OnnxAttribute> a = node.attributes();
        assertEquals(17, a.size(), a.keySet().toString());

        assertEquals(OnnxAttribute.FLOAT, a.get("alpha").type());
        assertEquals(0.125f, a.get("alpha").f());
        assertEquals(OnnxAttribute.INT, a.get("neg").type());
        assertEquals(-3, a.get("neg").i());
        assertEquals(OnnxAttribute.STRING, a.get("mode").type());
        assertEquals("nearest", a.get("mode").s());
        assertEquals(OnnxAttribute.TENSOR, a.get("value").type());
        OnnxTensor t = a.get("value").t();
        assertEquals("tv", t.name());
        assertEquals(OnnxTensor.INT64, t.dataType());
        assertArrayEquals(new long[] {2}, t.dims());
        assertArrayEquals(new long[] {7, -8}, t.longs());
        assertNull(t.floats());
        assertEquals(OnnxAttribute.FLOATS, a.get("packedF").type());
        assertArrayEquals(new float[] {1.5f, -2.5f, 1e-7f}, a.get("packedF").floats());
        assertArrayEquals(new float[] {3f, 4f}, a.get("unpackedF").floats());
        assertEquals(OnnxAttribute.INTS, a.get("packedI").type());
        assertArrayEquals(new long[] {1, -1, 1L << 40}, a.get("packedI").ints());
        assertArrayEquals(new long[] {5, 6, -7}, a.get("unpackedI").ints());
        assertArrayEquals(new long[] {1, 2, 3}, a.get("mixedI").ints(), "protobuf merges packed and unpacked records");

        assertEquals(OnnxAttribute.FLOAT, a.get("untypedF").type());
        assertEquals(2.5f, a.get("untypedF").f());
        assertEquals(OnnxAttribute.INT, a.get("untypedI").type());
        assertEquals(9, a.get("untypedI").i());
        assertEquals(OnnxAttribute.STRING, a.get("untypedS").type());
        assertEquals("str", a.get("untypedS").s());
        assertEquals(OnnxAttribute.INTS, a.get("untypedInts").type());
        assertArrayEquals(new long[] {4, 5}, a.get("untypedInts").ints());
        assertEquals(OnnxAttribute.FLOATS, a.get("untypedFloats").type());
        assertArrayEquals(new float[] {0.5f}, a.get("untypedFloats").floats());
        assertEquals(OnnxAttribute.TENSOR, a.get("untypedT").type());
        assertArrayEquals(new long[] {7, -8}, a.get("untypedT").t().longs());
        assertEquals(OnnxAttribute.GRAPH, a.get("body").type());
        assertEquals(OnnxAttribute.STRINGS, a.get("names").type());
        assertEquals("alpha=0.125", a.get("alpha").toString());
        assertEquals("packedI=[1, -1, 1099511627776]", a.get("packedI").toString());
    }

    @Test
    void duplicateAttributeIsAnError() {
        OnnxWireBuilder n = node("n", "Conv", List.of("x"), List.of("y"), attrInt("group", 1), attrInt("group", 2));
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxReader.parse(
                model(7, 11, message().messageField(1, n)).bytes(), "dup.onnx"));
        assertTrue(e.getMessage().contains("'group'") && e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void nodeWithoutOpTypeIsAnError() {
        OnnxWireBuilder n = message().stringField(1, "x").stringField(2, "y").stringField(3, "anonymous");
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxReader.parse(
                model(7, 11, message().messageField(1, n)).bytes(), "noop.onnx"));
        assertTrue(e.getMessage().contains("op_type"), e.getMessage());
    }

    // ---- tensors ----

    @Test
    void readsTensorsInEveryDataEncoding() {
        OnnxWireBuilder raw = floatTensor("raw", dims(2, 2), 1f, -2f, 0.5f, Float.MIN_VALUE);
        OnnxWireBuilder packed = message().packedVarints(1, 3).varintField(2, 1).stringField(8, "packed")
                .packedFloats(4, 0.25f, -0f, 1e30f);
        OnnxWireBuilder unpacked = message().unpackedVarints(1, 1, 2).varintField(2, 1).stringField(8, "unpacked")
                .unpackedFloats(4, 7f, 8f);
        OnnxWireBuilder i64 = message().varintField(2, 7).stringField(8, "i64").unpackedVarints(1, 4)
                .unpackedVarints(7, -1, 0, Long.MAX_VALUE, Long.MIN_VALUE);
        OnnxWireBuilder i64raw = OnnxWireBuilder.rawTensor("i64raw", 7, dims(3), OnnxWireBuilder.le64(-2, 1L << 33, 5));
        OnnxWireBuilder i32raw = OnnxWireBuilder.rawTensor("i32raw", 6, dims(2), OnnxWireBuilder.le32(-100, 0x7fffffff));
        OnnxWireBuilder i32data = message().packedVarints(1, 2).varintField(2, 6).stringField(8, "i32data")
                .packedVarints(5, -3, 4);
        OnnxWireBuilder i8raw = OnnxWireBuilder.rawTensor("i8raw", 3, dims(3), new byte[] {-1, 127, -128});
        OnnxWireBuilder u8raw = OnnxWireBuilder.rawTensor("u8raw", 2, dims(2), new byte[] {-1, 7});
        OnnxWireBuilder boolRaw = OnnxWireBuilder.rawTensor("bool", 9, dims(2), new byte[] {1, 0});
        OnnxWireBuilder scalar = floatTensor("scalar", dims(), 42f);
        OnnxWireBuilder empty = floatTensor("empty", dims(0, 5));
        OnnxWireBuilder withUnknown = message().fixed32Field(60, 1).packedVarints(1, 1).fixed64Field(61, 2)
                .varintField(2, 1).stringField(3, "segment?").stringField(8, "withUnknown").varintField(14, 0)
                .stringField(12, "doc string").bytesField(9, OnnxWireBuilder.le(9f));
        OnnxWireBuilder g = graph("t", List.of(), List.of(raw, packed, unpacked, i64, i64raw, i32raw, i32data, i8raw, u8raw,
                boolRaw, scalar, empty, withUnknown), List.of(), List.of());
        Map<String, OnnxTensor> t = OnnxReader.parse(model(7, 11, g).bytes(), "tensors.onnx").graph().initializers();

        assertArrayEquals(new long[] {2, 2}, t.get("raw").dims());
        assertArrayEquals(new float[] {1f, -2f, 0.5f, Float.MIN_VALUE}, t.get("raw").floats());
        assertArrayEquals(new long[] {3}, t.get("packed").dims());
        float[] p = t.get("packed").floats();
        assertArrayEquals(new float[] {0.25f, -0f, 1e30f}, p);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(p[1]), "sign of zero kept");
        assertArrayEquals(new long[] {1, 2}, t.get("unpacked").dims(), "unpacked dims");
        assertArrayEquals(new float[] {7f, 8f}, t.get("unpacked").floats());
        assertEquals(OnnxTensor.INT64, t.get("i64").dataType());
        assertArrayEquals(new long[] {-1, 0, Long.MAX_VALUE, Long.MIN_VALUE}, t.get("i64").longs());
        assertArrayEquals(new long[] {-2, 1L << 33, 5}, t.get("i64raw").longs());
        assertArrayEquals(new long[] {-100, 0x7fffffff}, t.get("i32raw").longs());
        assertArrayEquals(new long[] {-3, 4}, t.get("i32data").longs());
        assertArrayEquals(new long[] {-1, 127, -128}, t.get("i8raw").longs(), "int8 is signed");
        assertArrayEquals(new long[] {255, 7}, t.get("u8raw").longs(), "uint8 is unsigned");
        assertArrayEquals(new long[] {1, 0}, t.get("bool").longs());
        assertEquals(OnnxTensor.BOOL, t.get("bool").dataType());
        assertArrayEquals(new long[0], t.get("scalar").dims());
        assertArrayEquals(new float[] {42f}, t.get("scalar").floats());
        assertEquals(1, t.get("scalar").elementCount());
        assertArrayEquals(new long[] {0, 5}, t.get("empty").dims());
        assertEquals(0, t.get("empty").floats().length);
        assertArrayEquals(new float[] {9f}, t.get("withUnknown").floats());
        assertEquals(List.of("raw", "packed", "unpacked", "i64", "i64raw", "i32raw", "i32data", "i8raw", "u8raw", "bool",
                "scalar", "empty", "withUnknown"), List.copyOf(t.keySet()), "initializers in file order");
    }

    @Test
    void elementCountMustMatchTheData() {
        OnnxWireBuilder tooFewRaw = floatTensor("short", dims(2, 2), 1f, 2f, 3f);
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxReader.parse(
                model(7, 11, graph("g", List.of(), List.of(tooFewRaw), List.of(), List.of())).bytes(), "x.onnx"));
        assertTrue(e.getMessage().contains("'short'") && e.getMessage().contains("12 bytes"), e.getMessage());
        OnnxWireBuilder tooMany = message().packedVarints(1, 2).varintField(2, 1).stringField(8, "long")
                .packedFloats(4, 1f, 2f, 3f);
        e = assertThrows(OnnxFormatException.class, () -> OnnxReader.parse(
                model(7, 11, graph("g", List.of(), List.of(tooMany), List.of(), List.of())).bytes(), "x.onnx"));
        assertTrue(e.getMessage().contains("'long'") && e.getMessage().contains("carries 3"), e.getMessage());
        OnnxWireBuilder doubles = OnnxWireBuilder.rawTensor("dbl", 11, dims(1), OnnxWireBuilder.le64(1));
        e = assertThrows(OnnxFormatException.class, () -> OnnxReader.parse(
                model(7, 11, graph("g", List.of(), List.of(doubles), List.of(), List.of())).bytes(), "x.onnx"));
        assertTrue(e.getMessage().contains("'dbl'") && e.getMessage().contains("data type 11"), e.getMessage());
    }

    @Test
    void duplicateInitializerIsAnError() {
        OnnxWireBuilder g = graph("g", List.of(), List.of(floatTensor("w", dims(1), 1f), floatTensor("w", dims(1), 2f)),
                List.of(), List.of());
        OnnxFormatException e = assertThrows(OnnxFormatException.class,
                () -> OnnxReader.parse(model(7, 11, g).bytes(), "dupinit.onnx"));
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("two initializers"), e.getMessage());
    }

    // ---- inputs and outputs ----

    @Test
    void readsSymbolicAndMissingDimsAsMinusOne() {
        OnnxWireBuilder dynamic = OnnxWireBuilder.valueInfo("input", 1, "batch", 3L, "height", "width");
        OnnxWireBuilder noValue = OnnxWireBuilder.valueInfo("partial", 1, 1L, null, 0L);
        OnnxWireBuilder noType = message().stringField(1, "untyped");
        OnnxWireBuilder unknownInside = message().stringField(1, "odd").fixed64Field(9, 5)
                .messageField(2, message().fixed32Field(7, 1)
                        .messageField(1, message().varintField(1, 7).fixed32Field(9, 3)
                                .messageField(2, message().messageField(1, message().varintField(1, 5)
                                        .stringField(3, "denotation")).fixed64Field(4, 0))));
        // IR < 4: initializers also listed among the inputs; they are not image inputs
        OnnxWireBuilder alsoInit = floatValue("w", 1L);
        OnnxWireBuilder g = graph("io", List.of(), List.of(floatTensor("w", dims(1), 1f)),
                List.of(dynamic, noValue, noType, unknownInside, alsoInit),
                List.of(floatValue("out0", 1L, "n", 20L), floatValue("out1")));
        OnnxGraph graph = OnnxReader.parse(model(3, 9, g).bytes(), "io.onnx").graph();
        assertEquals(4, graph.inputs().size(), graph.inputs().toString());
        OnnxValueInfo in = graph.inputs().get(0);
        assertEquals("input", in.name());
        assertEquals(OnnxTensor.FLOAT, in.elementType());
        assertArrayEquals(new long[] {-1, 3, -1, -1}, in.dims());
        assertArrayEquals(new long[] {1, -1, 0}, graph.inputs().get(1).dims());
        assertEquals("untyped", graph.inputs().get(2).name());
        assertEquals(0, graph.inputs().get(2).elementType());
        assertArrayEquals(new long[0], graph.inputs().get(2).dims());
        assertEquals("odd", graph.inputs().get(3).name());
        assertEquals(7, graph.inputs().get(3).elementType());
        assertArrayEquals(new long[] {5}, graph.inputs().get(3).dims());
        assertEquals(2, graph.outputs().size());
        assertArrayEquals(new long[] {1, -1, 20}, graph.outputs().get(0).dims());
        assertArrayEquals(new long[0], graph.outputs().get(1).dims());
        assertEquals("out0[1, -1, 20]", graph.outputs().get(0).toString());
    }

    // ---- files ----

    @Test
    void readsAFile() throws IOException {
        Path f = tmp.resolve("tiny.onnx");
        Files.write(f, OnnxWireBuilder.convRelu().bytes());
        OnnxModel m = OnnxReader.read(f);
        assertEquals(11, m.opset());
        assertEquals(2, m.graph().nodes().size());
        assertArrayEquals(OnnxWireBuilder.CONV_B, m.graph().initializers().get("B").floats());
    }

    @Test
    void missingFileIsAnEngineExceptionNamingIt() {
        Path f = tmp.resolve("absent.onnx");
        io.github.scrfd4j.engine.EngineException e = assertThrows(io.github.scrfd4j.engine.EngineException.class,
                () -> OnnxReader.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    // ---- a hand-built graph through the Java network ----

    /** input[c][y][x] of the runs below: mixed signs so the ReLU clamps some outputs. */
    private static float inputValue(int c, int y, int x) {
        return ((c * 16 + y * 4 + x) * 7 % 23 - 11) * 0.5f;
    }

    /** What the 1x1 convolution plus ReLU gives, written out per output channel. */
    private static float expected(int oc, int y, int x, boolean relu) {
        float[] w = OnnxWireBuilder.CONV_W;
        float v = OnnxWireBuilder.CONV_B[oc];
        for (int c = 0; c < 3; c++) {
            v += w[oc * 3 + c] * inputValue(c, y, x);
        }
        return relu ? Math.max(0f, v) : v;
    }

    @Test
    void javaNetworkRunsAHandBuiltConvRelu() throws IOException {
        Path f = tmp.resolve("conv-relu.onnx");
        Files.write(f, OnnxWireBuilder.convRelu().bytes());
        try (JavaNetwork net = new JavaNetwork(f, 1)) {
            assertEquals("input", net.input().name());
            assertEquals(4, net.input().width());
            assertEquals(4, net.input().height());
            assertFalse(net.input().dynamic());
            assertEquals(List.of(new TensorInfo("output", new long[] {1, 2, 4, 4})), net.outputs());
            try (EngineSession s = net.openSession()) {
                float[] out = runOnce(s);
                // a few values by hand. At (0,0) the input is (-5.5, 4.5, 3.0):
                // channel 0: 1 + 0.5*(-5.5) - 1*4.5 + 2*3 = -0.25, clamped to 0
                assertEquals(0f, out[0]);
                // channel 1: -2 - 0.25*(-5.5) + 0.75*4.5 + 1.5*3 = 7.25
                assertEquals(7.25f, out[16], 1e-6f);
                // at (1,2) the input is (4, 2.5, 1): channel 0: 1 + 2 - 2.5 + 2 = 2.5; channel 1: -2 - 1 + 1.875 + 1.5 = 0.375
                assertEquals(2.5f, out[6], 1e-6f);
                assertEquals(0.375f, out[16 + 6], 1e-6f);
                // at (3,3) the input is (1, -0.5, -2): channel 0 = -2 and channel 1 = -5.625, both clamped
                assertEquals(0f, out[15]);
                assertEquals(0f, out[31]);
                int clamped = 0;
                for (int oc = 0; oc < 2; oc++) {
                    for (int y = 0; y < 4; y++) {
                        for (int x = 0; x < 4; x++) {
                            float e = expected(oc, y, x, true);
                            assertEquals(e, out[(oc * 4 + y) * 4 + x], 1e-5f, "channel " + oc + " at " + y + "," + x);
                            clamped += expected(oc, y, x, false) < 0 ? 1 : 0;
                        }
                    }
                }
                assertEquals(18, clamped, "the ReLU has work to do: 18 of 32 pre-activations are negative");
                // a second run in the same session (its arrays reused) gives the same result
                float[] again = runOnce(s);
                assertArrayEquals(out, again);
            }
        }
    }

    private static float[] runOnce(EngineSession s) {
        FloatBuffer in = s.inputBuffer(4, 4);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    in.put(inputValue(c, y, x));
                }
            }
        }
        List<Tensor> outs = s.run(4, 4);
        assertEquals(1, outs.size());
        assertEquals("output", outs.get(0).name());
        assertArrayEquals(new long[] {1, 2, 4, 4}, outs.get(0).shape());
        return outs.get(0).data().clone();
    }

    @Test
    void javaNetworkAppliesTheReluAndExposesThePreActivationOutput() throws IOException {
        // Conv output is a graph output too (so the ReLU cannot be fused away), negative weights clamp
        float[] w = {-1f, 0f, 0f, 0f, 1f, 0f};       // ch0 = -in0, ch1 = in1
        float[] b = {0.5f, -10f};
        OnnxWireBuilder g = graph("two-outputs",
                List.of(node("conv", "Conv", List.of("input", "W", "B"), List.of("pre"), attrInts("kernel_shape", 1, 1)),
                        node("relu", "Relu", List.of("pre"), List.of("post"))),
                List.of(floatTensor("W", dims(2, 3, 1, 1), w), floatTensor("B", dims(2), b)),
                List.of(floatValue("input", 1L, 3L, 2L, 2L)),
                List.of(floatValue("pre", 1L, 2L, 2L, 2L), floatValue("post", 1L, 2L, 2L, 2L)));
        Path f = tmp.resolve("two-outputs.onnx");
        Files.write(f, model(7, 11, g).bytes());
        float[] input = {-2f, -1f, 0f, 1f, /* ch1 */ 8f, 9f, 10f, 11f, /* ch2 */ 100f, 100f, 100f, 100f};
        try (JavaNetwork net = new JavaNetwork(f, 1); EngineSession s = net.openSession()) {
            s.inputBuffer(2, 2).put(input);
            List<Tensor> outs = s.run(2, 2);
            assertEquals(2, outs.size());
            assertEquals("pre", outs.get(0).name());
            assertEquals("post", outs.get(1).name());
            // pre: ch0 = 0.5 - in0, ch1 = in1 - 10
            assertArrayEquals(new float[] {2.5f, 1.5f, 0.5f, -0.5f, -2f, -1f, 0f, 1f}, outs.get(0).data(), 1e-6f);
            assertArrayEquals(new float[] {2.5f, 1.5f, 0.5f, 0f, 0f, 0f, 0f, 1f}, outs.get(1).data(), 1e-6f);
        }
    }

    @Test
    void javaNetworkReadsUnpackedFloatDataWeights() throws IOException {
        // the same graph with weights as unpacked float_data and the bias as packed float_data
        OnnxWireBuilder wT = message().unpackedVarints(1, 2, 3, 1, 1).varintField(2, 1).stringField(8, "W")
                .unpackedFloats(4, OnnxWireBuilder.CONV_W);
        OnnxWireBuilder bT = message().packedVarints(1, 2).varintField(2, 1).stringField(8, "B")
                .packedFloats(4, OnnxWireBuilder.CONV_B);
        OnnxWireBuilder g = graph("float-data",
                List.of(node("conv0", "Conv", List.of("input", "W", "B"), List.of("c")),
                        node("relu0", "Relu", List.of("c"), List.of("output"))),
                List.of(wT, bT), List.of(floatValue("input", 1L, 3L, 4L, 4L)),
                List.of(floatValue("output", 1L, 2L, 4L, 4L)));
        Path f = tmp.resolve("float-data.onnx");
        Files.write(f, model(7, 11, g).bytes());
        try (JavaNetwork net = new JavaNetwork(f, 1); EngineSession s = net.openSession()) {
            float[] out = runOnce(s);
            for (int oc = 0; oc < 2; oc++) {
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        assertEquals(expected(oc, y, x, true), out[(oc * 4 + y) * 4 + x], 1e-5f);
                    }
                }
            }
        }
        assertNotNull(OnnxReader.read(f).graph().initializers().get("W").floats());
    }

    @Test
    void javaNetworkRunsAModelUsingEveryOperator() throws IOException {
        Path f = tmp.resolve("every-operator.onnx");
        Files.write(f, OnnxWireBuilder.everyOperator().bytes());
        try (JavaNetwork net = new JavaNetwork(f, 1); EngineSession s = net.openSession()) {
            assertEquals(List.of(new TensorInfo("out1", new long[] {1, 64, 2}), new TensorInfo("out2", new long[] {1, 256})),
                    net.outputs());
            FloatBuffer in = s.inputBuffer(8, 8);
            for (int i = 0; i < 3 * 64; i++) {
                in.put((i * 29 % 31 - 15) / 7f);
            }
            List<Tensor> outs = s.run(8, 8);
            assertArrayEquals(new long[] {1, 64, 2}, outs.get(0).shape());
            assertArrayEquals(new long[] {1, 256}, outs.get(1).shape());
            float[] out1 = outs.get(0).data();
            float[] out2 = outs.get(1).data();
            // out2 is the instance-normalised [1,4,8,8] tensor: each channel's mean is its bias
            float[] bias = {0f, 0.5f, -0.5f, 1f};
            for (int c = 0; c < 4; c++) {
                double sum = 0;
                for (int p = 0; p < 64; p++) {
                    assertTrue(Float.isFinite(out2[c * 64 + p]));
                    sum += out2[c * 64 + p];
                }
                assertEquals(bias[c], sum / 64, 1e-4, "mean of channel " + c);
            }
            // out1 is that tensor in NHWC, reshaped to [1,64,4], sliced to channels 0..1 and doubled
            for (int p = 0; p < 64; p++) {
                for (int c = 0; c < 2; c++) {
                    assertEquals(2 * out2[c * 64 + p], out1[p * 2 + c], 1e-6f, "pixel " + p + " channel " + c);
                }
            }
        }
    }
}
