package io.github.scrfd4j.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A tiny protocol-buffers writer for tests, independent of {@link OnnxReader}: varints, tags,
 * length-delimited fields, fixed32/fixed64 and packed repeated fields, plus shorthands that spell out
 * the ONNX messages with {@code onnx.proto}'s field numbers. Tests build models byte by byte with it,
 * so the expected values are what the test wrote, not what another parser says.
 */
public final class OnnxWireBuilder {
    public static final int VARINT = 0;
    public static final int FIXED64 = 1;
    public static final int LEN = 2;
    public static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static OnnxWireBuilder message() {
        return new OnnxWireBuilder();
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    public int size() {
        return out.size();
    }

    // ---- wire primitives ----

    /** A base-128 varint; negative values take ten bytes, as protobuf writes int64. */
    public OnnxWireBuilder varint(long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    public OnnxWireBuilder tag(int field, int wireType) {
        return varint((long) field << 3 | wireType);
    }

    public OnnxWireBuilder raw(byte... b) {
        out.write(b, 0, b.length);
        return this;
    }

    public OnnxWireBuilder raw(int... b) {
        for (int x : b) {
            out.write(x);
        }
        return this;
    }

    public OnnxWireBuilder fixed32(int bits) {
        out.write(bits);
        out.write(bits >>> 8);
        out.write(bits >>> 16);
        out.write(bits >>> 24);
        return this;
    }

    public OnnxWireBuilder fixed64(long bits) {
        fixed32((int) bits);
        return fixed32((int) (bits >>> 32));
    }

    // ---- fields ----

    public OnnxWireBuilder varintField(int field, long v) {
        return tag(field, VARINT).varint(v);
    }

    public OnnxWireBuilder floatField(int field, float v) {
        return tag(field, FIXED32).fixed32(Float.floatToRawIntBits(v));
    }

    public OnnxWireBuilder fixed32Field(int field, int bits) {
        return tag(field, FIXED32).fixed32(bits);
    }

    public OnnxWireBuilder fixed64Field(int field, long bits) {
        return tag(field, FIXED64).fixed64(bits);
    }

    public OnnxWireBuilder bytesField(int field, byte[] b) {
        tag(field, LEN).varint(b.length);
        return raw(b);
    }

    public OnnxWireBuilder stringField(int field, String s) {
        return bytesField(field, s.getBytes(StandardCharsets.UTF_8));
    }

    public OnnxWireBuilder messageField(int field, OnnxWireBuilder m) {
        return bytesField(field, m.bytes());
    }

    /** A packed repeated varint field (one length-delimited record). */
    public OnnxWireBuilder packedVarints(int field, long... values) {
        OnnxWireBuilder p = new OnnxWireBuilder();
        for (long v : values) {
            p.varint(v);
        }
        return bytesField(field, p.bytes());
    }

    /** A packed repeated float field. */
    public OnnxWireBuilder packedFloats(int field, float... values) {
        OnnxWireBuilder p = new OnnxWireBuilder();
        for (float v : values) {
            p.fixed32(Float.floatToRawIntBits(v));
        }
        return bytesField(field, p.bytes());
    }

    /** An unpacked repeated varint field: one tagged record per value. */
    public OnnxWireBuilder unpackedVarints(int field, long... values) {
        for (long v : values) {
            varintField(field, v);
        }
        return this;
    }

    /** An unpacked repeated float field: one tagged fixed32 per value. */
    public OnnxWireBuilder unpackedFloats(int field, float... values) {
        for (float v : values) {
            floatField(field, v);
        }
        return this;
    }

    // ---- little-endian raw data ----

    public static byte[] le(float... values) {
        OnnxWireBuilder b = new OnnxWireBuilder();
        for (float v : values) {
            b.fixed32(Float.floatToRawIntBits(v));
        }
        return b.bytes();
    }

    public static byte[] le64(long... values) {
        OnnxWireBuilder b = new OnnxWireBuilder();
        for (long v : values) {
            b.fixed64(v);
        }
        return b.bytes();
    }

    public static byte[] le32(int... values) {
        OnnxWireBuilder b = new OnnxWireBuilder();
        for (int v : values) {
            b.fixed32(v);
        }
        return b.bytes();
    }

    // ---- ONNX messages (field numbers of onnx.proto) ----

    /** ModelProto: ir_version=1, producer_name=2, opset_import=8 (domain=1, version=2), graph=7; the graph last. */
    public static OnnxWireBuilder model(long irVersion, long opset, OnnxWireBuilder graph) {
        return message().varintField(1, irVersion).stringField(2, "scrfd4j-test")
                .messageField(8, message().stringField(1, "").varintField(2, opset))
                .messageField(7, graph);
    }

    /** GraphProto with nodes (1), name (2), initializers (5), inputs (11) and outputs (12), in that order. */
    public static OnnxWireBuilder graph(String name, List<OnnxWireBuilder> nodes, List<OnnxWireBuilder> initializers,
                                        List<OnnxWireBuilder> inputs, List<OnnxWireBuilder> outputs) {
        OnnxWireBuilder g = message();
        for (OnnxWireBuilder n : nodes) {
            g.messageField(1, n);
        }
        g.stringField(2, name);
        for (OnnxWireBuilder t : initializers) {
            g.messageField(5, t);
        }
        for (OnnxWireBuilder i : inputs) {
            g.messageField(11, i);
        }
        for (OnnxWireBuilder o : outputs) {
            g.messageField(12, o);
        }
        return g;
    }

    /** NodeProto: input=1, output=2, name=3, op_type=4, attribute=5. */
    public static OnnxWireBuilder node(String name, String op, List<String> inputs, List<String> outputs,
                                       OnnxWireBuilder... attributes) {
        OnnxWireBuilder n = message();
        for (String i : inputs) {
            n.stringField(1, i);
        }
        for (String o : outputs) {
            n.stringField(2, o);
        }
        n.stringField(3, name).stringField(4, op);
        for (OnnxWireBuilder a : attributes) {
            n.messageField(5, a);
        }
        return n;
    }

    /** ValueInfoProto name=1, type=2: TypeProto.tensor_type=1 (elem_type=1, shape=2 (dim=1 (dim_value=1 | dim_param=2))). */
    public static OnnxWireBuilder valueInfo(String name, int elemType, Object... dims) {
        OnnxWireBuilder shape = message();
        for (Object d : dims) {
            OnnxWireBuilder dim = message();
            if (d instanceof String) {
                dim.stringField(2, (String) d);
            } else if (d != null) {
                dim.varintField(1, ((Number) d).longValue());
            }
            shape.messageField(1, dim);
        }
        OnnxWireBuilder tensorType = message().varintField(1, elemType).messageField(2, shape);
        return message().stringField(1, name).messageField(2, message().messageField(1, tensorType));
    }

    /** A float input or output. */
    public static OnnxWireBuilder floatValue(String name, Object... dims) {
        return valueInfo(name, 1, dims);
    }

    /** TensorProto dims=1 (packed), data_type=2, name=8, raw_data=9. */
    public static OnnxWireBuilder rawTensor(String name, int dataType, long[] dims, byte[] raw) {
        return message().packedVarints(1, dims).varintField(2, dataType).stringField(8, name).bytesField(9, raw);
    }

    /** A float tensor with its data as raw little-endian bytes. */
    public static OnnxWireBuilder floatTensor(String name, long[] dims, float... data) {
        return rawTensor(name, 1, dims, le(data));
    }

    /** An int64 tensor with its data in int64_data (7), packed. */
    public static OnnxWireBuilder int64Tensor(String name, long[] dims, long... data) {
        return message().packedVarints(1, dims).varintField(2, 7).stringField(8, name).packedVarints(7, data);
    }

    public static long[] dims(long... d) {
        return d;
    }

    // ---- AttributeProto: name=1, f=2, i=3, s=4, t=5, floats=7, ints=8, type=20 ----

    public static OnnxWireBuilder attrInt(String name, long v) {
        return message().stringField(1, name).varintField(3, v).varintField(20, 2);
    }

    public static OnnxWireBuilder attrFloat(String name, float v) {
        return message().stringField(1, name).floatField(2, v).varintField(20, 1);
    }

    public static OnnxWireBuilder attrString(String name, String v) {
        return message().stringField(1, name).stringField(4, v).varintField(20, 3);
    }

    public static OnnxWireBuilder attrInts(String name, long... v) {
        return message().stringField(1, name).packedVarints(8, v).varintField(20, 7);
    }

    public static OnnxWireBuilder attrFloats(String name, float... v) {
        return message().stringField(1, name).packedFloats(7, v).varintField(20, 6);
    }

    public static OnnxWireBuilder attrTensor(String name, OnnxWireBuilder tensor) {
        return message().stringField(1, name).messageField(5, tensor).varintField(20, 4);
    }

    // ---- a small runnable model ----

    /** The 1x1 convolution weights of {@link #convRelu}: [2, 3, 1, 1]. */
    public static final float[] CONV_W = {0.5f, -1f, 2f, -0.25f, 0.75f, 1.5f};
    /** Its bias. */
    public static final float[] CONV_B = {1f, -2f};

    /**
     * input [1,3,4,4] -> Conv 1x1 (W [2,3,1,1], B [2]) -> Relu -> output [1,2,4,4], opset 11, IR 6;
     * the graph is the last top-level field, so every strict prefix of it lacks something.
     */
    public static OnnxWireBuilder convRelu() {
        return model(6, 11, graph("tiny",
                List.of(node("conv0", "Conv", List.of("input", "W", "B"), List.of("c"),
                                attrInts("kernel_shape", 1, 1), attrInts("strides", 1, 1), attrInts("pads", 0, 0, 0, 0),
                                attrInts("dilations", 1, 1), attrInt("group", 1)),
                        node("relu0", "Relu", List.of("c"), List.of("output"))),
                List.of(floatTensor("W", dims(2, 3, 1, 1), CONV_W), floatTensor("B", dims(2), CONV_B)),
                List.of(floatValue("input", 1L, 3L, 4L, 4L)),
                List.of(floatValue("output", 1L, 2L, 4L, 4L))));
    }

    /** Deterministic weights in [-1, 1) for the larger test models. */
    public static float[] weights(int n, int seed) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = ((i * 37 + seed * 11) % 17 - 8) / 8f;
        }
        return w;
    }

    /**
     * A model using every operator the Java network supports, on input [1,3,8,8]: Conv 3x3 + Relu,
     * MaxPool, Resize (nearest), Add, Mul, depthwise Conv, Sigmoid, AveragePool,
     * InstanceNormalization, Transpose, then shape arithmetic (Shape, Gather, Unsqueeze, Concat)
     * feeding a Reshape, Slice, Constant, Flatten and Identity. Outputs: out1 [1,64,2], out2 [1,256].
     */
    public static OnnxWireBuilder everyOperator() {
        OnnxWireBuilder constTwo = floatTensor("two", dims(1), 2f);
        return model(7, 11, graph("every-operator",
                List.of(node("conv1", "Conv", List.of("input", "W1", "B1"), List.of("c1"), attrInts("kernel_shape", 3, 3),
                                attrInts("pads", 1, 1, 1, 1), attrInts("strides", 1, 1)),
                        node("relu1", "Relu", List.of("c1"), List.of("r1")),
                        node("pool1", "MaxPool", List.of("r1"), List.of("p1"), attrInts("kernel_shape", 2, 2),
                                attrInts("strides", 2, 2)),
                        node("up", "Resize", List.of("p1", "", "scales"), List.of("up"), attrString("mode", "nearest"),
                                attrString("coordinate_transformation_mode", "asymmetric"),
                                attrString("nearest_mode", "floor")),
                        node("add", "Add", List.of("up", "r1"), List.of("s1")),
                        node("mul", "Mul", List.of("s1", "half"), List.of("m1")),
                        node("dw", "Conv", List.of("m1", "Wdw"), List.of("dw"), attrInts("kernel_shape", 3, 3),
                                attrInts("pads", 1, 1, 1, 1), attrInt("group", 4)),
                        node("sig", "Sigmoid", List.of("dw"), List.of("sg")),
                        node("avg", "AveragePool", List.of("sg"), List.of("ap"), attrInts("kernel_shape", 3, 3),
                                attrInts("strides", 1, 1), attrInts("pads", 1, 1, 1, 1), attrInt("count_include_pad", 0)),
                        node("norm", "InstanceNormalization", List.of("ap", "inScale", "inBias"), List.of("inorm"),
                                attrFloat("epsilon", 1e-5f)),
                        node("tr", "Transpose", List.of("inorm"), List.of("tr"), attrInts("perm", 0, 2, 3, 1)),
                        node("shape", "Shape", List.of("tr"), List.of("shp")),
                        node("gather", "Gather", List.of("shp", "gidx"), List.of("g0"), attrInt("axis", 0)),
                        node("unsq", "Unsqueeze", List.of("g0"), List.of("u0"), attrInts("axes", 0)),
                        node("cat", "Concat", List.of("u0", "tail"), List.of("newShape"), attrInt("axis", 0)),
                        node("reshape", "Reshape", List.of("tr", "newShape"), List.of("rs")),
                        node("slice", "Slice", List.of("rs", "starts", "ends", "axes"), List.of("sl")),
                        node("k2", "Constant", List.of(), List.of("k2"), attrTensor("value", constTwo)),
                        node("scale", "Mul", List.of("sl", "k2"), List.of("out1")),
                        node("flat", "Flatten", List.of("inorm"), List.of("fl"), attrInt("axis", 1)),
                        node("id", "Identity", List.of("fl"), List.of("out2"))),
                List.of(floatTensor("W1", dims(4, 3, 3, 3), weights(108, 1)), floatTensor("B1", dims(4), 0.1f, -0.2f, 0.3f, 0f),
                        floatTensor("scales", dims(4), 1f, 1f, 2f, 2f), floatTensor("half", dims(), 0.5f),
                        floatTensor("Wdw", dims(4, 1, 3, 3), weights(36, 2)),
                        floatTensor("inScale", dims(4), 1f, 2f, 0.5f, 1f), floatTensor("inBias", dims(4), 0f, 0.5f, -0.5f, 1f),
                        int64Tensor("gidx", dims(), 0), int64Tensor("tail", dims(2), -1, 4),
                        int64Tensor("starts", dims(1), 0), int64Tensor("ends", dims(1), 2),
                        int64Tensor("axes", dims(1), 2)),
                List.of(floatValue("input", 1L, 3L, 8L, 8L)),
                List.of(floatValue("out1", 1L, 64L, 2L), floatValue("out2", 1L, 256L))));
    }
}
