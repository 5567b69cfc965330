package io.github.scrfd4j.onnx;

import io.github.scrfd4j.engine.ModelBytes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads ONNX model files from the protocol-buffers wire format, field numbers as in ONNX's
 * {@code onnx.proto} (no generated code). Only what inference needs is kept; unknown fields are
 * skipped as protobuf prescribes. Everything is checked against the bytes actually present: lengths,
 * element counts against the data carried, wire types of known fields.
 */
public final class OnnxReader {
    private OnnxReader() {
    }

    /** Reads and parses a file; I/O failures are {@link io.github.scrfd4j.engine.EngineException}s. */
    public static OnnxModel read(Path file) {
        return parse(ModelBytes.read(file, "ONNX model"), file.toString());
    }

    /** Parses a model's bytes; {@code source} names them in messages. */
    public static OnnxModel parse(byte[] bytes, String source) {
        WireReader r = WireReader.of(bytes, source);
        long ir = 0;
        long opset = -1;
        String producer = "";
        OnnxGraph graph = null;
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (tag >>> 3) {
                case 1:
                    r.expect(tag, WireReader.VARINT, "ModelProto.ir_version");
                    ir = r.readVarint();
                    break;
                case 2:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "ModelProto.producer_name");
                    producer = r.readString();
                    break;
                case 7:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "ModelProto.graph");
                    if (graph != null) {
                        throw r.error("two graphs in one model");
                    }
                    graph = graph(r.readMessage("graph"));
                    break;
                case 8: {
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "ModelProto.opset_import");
                    long[] v = opsetImport(r.readMessage("opset_import"));
                    if (v != null) {
                        opset = v[0];
                    }
                    break;
                }
                default:
                    r.skip(tag & 7);
            }
        }
        if (graph == null) {
            throw new OnnxFormatException(source + ": no graph (not an ONNX model, or empty)");
        }
        if (opset < 0) {
            throw new OnnxFormatException(source + ": no opset_import for the default domain");
        }
        return new OnnxModel(ir, opset, producer, graph);
    }

    /** The version for the default domain, or null for another domain. */
    private static long[] opsetImport(WireReader r) {
        String domain = "";
        long version = 0;
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (tag >>> 3) {
                case 1:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "OperatorSetIdProto.domain");
                    domain = r.readString();
                    break;
                case 2:
                    r.expect(tag, WireReader.VARINT, "OperatorSetIdProto.version");
                    version = r.readVarint();
                    break;
                default:
                    r.skip(tag & 7);
            }
        }
        return domain.isEmpty() || domain.equals("ai.onnx") ? new long[] {version} : null;
    }

    private static OnnxGraph graph(WireReader r) {
        String name = "";
        List<OnnxNode> nodes = new ArrayList<>();
        Map<String, OnnxTensor> inits = new LinkedHashMap<>();
        List<OnnxValueInfo> inputs = new ArrayList<>();
        List<OnnxValueInfo> outputs = new ArrayList<>();
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (tag >>> 3) {
                case 1:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "GraphProto.node");
                    nodes.add(node(r.readMessage("node " + nodes.size())));
                    break;
                case 2:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "GraphProto.name");
                    name = r.readString();
                    break;
                case 5: {
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "GraphProto.initializer");
                    OnnxTensor t = tensor(r.readMessage("initializer " + inits.size()));
                    if (inits.put(t.name(), t) != null) {
                        throw r.error("two initializers named '" + t.name() + "'");
                    }
                    break;
                }
                case 11:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "GraphProto.input");
                    inputs.add(valueInfo(r.readMessage("input")));
                    break;
                case 12:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "GraphProto.output");
                    outputs.add(valueInfo(r.readMessage("output")));
                    break;
                case 15:
                    throw r.error("sparse initializers are not supported");
                default:
                    r.skip(tag & 7);
            }
        }
        // ONNX IR < 4 lists initializers among the inputs too; they are weights, not inputs
        inputs.removeIf(v -> inits.containsKey(v.name()));
        return new OnnxGraph(name, Collections.unmodifiableList(nodes), Collections.unmodifiableMap(inits),
                List.copyOf(inputs), List.copyOf(outputs));
    }

    private static OnnxNode node(WireReader r) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String name = "";
        String op = "";
        String domain = "";
        Map<String, OnnxAttribute> attrs = new LinkedHashMap<>();
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (tag >>> 3) {
                case 1:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "NodeProto.input");
                    in.add(r.readString());
                    break;
                case 2:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "NodeProto.output");
                    out.add(r.readString());
                    break;
                case 3:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "NodeProto.name");
                    name = r.readString();
                    break;
                case 4:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "NodeProto.op_type");
                    op = r.readString();
                    break;
                case 5: {
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "NodeProto.attribute");
                    OnnxAttribute a = attribute(r.readMessage("attribute"));
                    if (attrs.put(a.name(), a) != null) {
                        throw r.error("attribute '" + a.name() + "' given twice");
                    }
                    break;
                }
                case 7:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "NodeProto.domain");
                    domain = r.readString();
                    break;
                default:
                    r.skip(tag & 7);
            }
        }
        if (op.isEmpty()) {
            throw r.error("node without op_type");
        }
        return new OnnxNode(name, op, domain, List.copyOf(in), List.copyOf(out), Collections.unmodifiableMap(attrs));
    }

    private static OnnxAttribute attribute(WireReader r) {
        String name = "";
        int type = 0;
        float f = 0;
        long i = 0;
        String s = null;
        OnnxTensor t = null;
        FloatList floats = new FloatList();
        LongList ints = new LongList();
        boolean graph = false;
        boolean strings = false;
        while (r.hasMore()) {
            int tag = r.readTag();
            int wt = tag & 7;
            switch (tag >>> 3) {
                case 1:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "AttributeProto.name");
                    name = r.readString();
                    break;
                case 2:
                    r.expect(tag, WireReader.FIXED32, "AttributeProto.f");
                    f = Float.intBitsToFloat(r.readFixed32());
                    break;
                case 3:
                    r.expect(tag, WireReader.VARINT, "AttributeProto.i");
                    i = r.readVarint();
                    break;
                case 4:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "AttributeProto.s");
                    s = r.readString();
                    break;
                case 5:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "AttributeProto.t");
                    t = tensor(r.readMessage("attribute tensor"));
                    break;
                case 6:
                case 11:
                    graph = true;
                    r.skip(wt);
                    break;
                case 7:
                    readFloats(r, wt, floats, "AttributeProto.floats");
                    break;
                case 8:
                    readLongs(r, wt, ints, "AttributeProto.ints");
                    break;
                case 9:
                    strings = true;
                    r.skip(wt);
                    break;
                case 20:
                    r.expect(tag, WireReader.VARINT, "AttributeProto.type");
                    type = (int) r.readVarint();
                    break;
                default:
                    r.skip(wt);
            }
        }
        if (type == 0) {
            // files from before IR 2 leave the type out: infer it from the field that is set
            type = t != null ? OnnxAttribute.TENSOR : s != null ? OnnxAttribute.STRING : graph ? OnnxAttribute.GRAPH
                    : strings ? OnnxAttribute.STRINGS : floats.size > 0 ? OnnxAttribute.FLOATS
                    : ints.size > 0 ? OnnxAttribute.INTS : f != 0 ? OnnxAttribute.FLOAT : OnnxAttribute.INT;
        }
        if (type == OnnxAttribute.TENSOR && t == null) {
            throw r.error("tensor attribute '" + name + "' without a tensor");
        }
        if (type == OnnxAttribute.STRING && s == null) {
            throw r.error("string attribute '" + name + "' without a value");
        }
        return new OnnxAttribute(name, type, f, i, s, t, floats.toArray(), ints.toArray());
    }

    private static OnnxValueInfo valueInfo(WireReader r) {
        String name = "";
        int elem = 0;
        long[] dims = new long[0];
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (tag >>> 3) {
                case 1:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "ValueInfoProto.name");
                    name = r.readString();
                    break;
                case 2: {
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "ValueInfoProto.type");
                    WireReader type = r.readMessage("type");
                    while (type.hasMore()) {
                        int tt = type.readTag();
                        if (tt >>> 3 == 1) {
                            type.expect(tt, WireReader.LENGTH_DELIMITED, "TypeProto.tensor_type");
                            WireReader tensorType = type.readMessage("tensor_type");
                            while (tensorType.hasMore()) {
                                int t3 = tensorType.readTag();
                                if (t3 >>> 3 == 1) {
                                    tensorType.expect(t3, WireReader.VARINT, "TypeProto.Tensor.elem_type");
                                    elem = (int) tensorType.readVarint();
                                } else if (t3 >>> 3 == 2) {
                                    tensorType.expect(t3, WireReader.LENGTH_DELIMITED, "TypeProto.Tensor.shape");
                                    dims = shape(tensorType.readMessage("shape"));
                                } else {
                                    tensorType.skip(t3 & 7);
                                }
                            }
                        } else {
                            type.skip(tt & 7);
                        }
                    }
                    break;
                }
                default:
                    r.skip(tag & 7);
            }
        }
        return new OnnxValueInfo(name, elem, dims);
    }

    private static long[] shape(WireReader r) {
        LongList dims = new LongList();
        while (r.hasMore()) {
            int tag = r.readTag();
            if (tag >>> 3 == 1) {
                r.expect(tag, WireReader.LENGTH_DELIMITED, "TensorShapeProto.dim");
                WireReader d = r.readMessage("dim");
                long v = -1;
                while (d.hasMore()) {
                    int dt = d.readTag();
                    if (dt >>> 3 == 1) {
                        d.expect(dt, WireReader.VARINT, "Dimension.dim_value");
                        v = d.readVarint();
                        if (v < 0) {
                            throw d.error("negative dimension " + v);
                        }
                    } else {
                        d.skip(dt & 7);
                    }
                }
                dims.add(v);
            } else {
                r.skip(tag & 7);
            }
        }
        return dims.toArray();
    }

    private static OnnxTensor tensor(WireReader r) {
        LongList dims = new LongList();
        int type = 0;
        String name = "";
        FloatList floats = new FloatList();
        LongList longs = new LongList();
        int[] raw = null;
        while (r.hasMore()) {
            int tag = r.readTag();
            int wt = tag & 7;
            switch (tag >>> 3) {
                case 1:
                    readLongs(r, wt, dims, "TensorProto.dims");
                    break;
                case 2:
                    r.expect(tag, WireReader.VARINT, "TensorProto.data_type");
                    type = (int) r.readVarint();
                    break;
                case 4:
                    readFloats(r, wt, floats, "TensorProto.float_data");
                    break;
                case 5:
                case 7:
                    readLongs(r, wt, longs, "TensorProto.int" + ((tag >>> 3) == 5 ? "32" : "64") + "_data");
                    break;
                case 8:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "TensorProto.name");
                    name = r.readString();
                    break;
                case 9:
                    r.expect(tag, WireReader.LENGTH_DELIMITED, "TensorProto.raw_data");
                    raw = r.readRange();
                    break;
                case 13:
                    throw r.error("tensor '" + name + "' keeps its data in an external file, which is not supported");
                case 14:
                    r.expect(tag, WireReader.VARINT, "TensorProto.data_location");
                    if (r.readVarint() != 0) {
                        throw r.error("tensor '" + name + "' keeps its data in an external file, which is not supported");
                    }
                    break;
                default:
                    r.skip(wt);
            }
        }
        long[] shape = dims.toArray();
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw r.error("tensor '" + name + "' has a negative dimension " + d);
            }
            if (d != 0 && count > Integer.MAX_VALUE / d) {
                throw r.error("tensor '" + name + "' declares more than 2^31 elements: dims " + java.util.Arrays.toString(shape));
            }
            count *= d;
        }
        int n = (int) count;
        switch (type) {
            case OnnxTensor.FLOAT: {
                float[] data;
                if (raw != null) {
                    requireBytes(r, name, raw[1], n, 4);
                    data = new float[n];
                    byte[] b = r.bytes();
                    for (int i = 0, o = raw[0]; i < n; i++, o += 4) {
                        data[i] = Float.intBitsToFloat((b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16
                                | (b[o + 3] & 0xff) << 24);
                    }
                } else {
                    if (floats.size != n) {
                        throw r.error("tensor '" + name + "' declares " + n + " elements but carries " + floats.size);
                    }
                    data = floats.toArray();
                }
                return new OnnxTensor(name, type, shape, data, null);
            }
            case OnnxTensor.INT64:
            case OnnxTensor.INT32:
            case OnnxTensor.BOOL:
            case OnnxTensor.UINT8:
            case OnnxTensor.INT8: {
                long[] data;
                if (raw != null) {
                    int size = type == OnnxTensor.INT64 ? 8 : type == OnnxTensor.INT32 ? 4 : 1;
                    requireBytes(r, name, raw[1], n, size);
                    data = new long[n];
                    byte[] b = r.bytes();
                    for (int i = 0, o = raw[0]; i < n; i++, o += size) {
                        long v = 0;
                        for (int k = size - 1; k >= 0; k--) {
                            v = v << 8 | (b[o + k] & 0xff);
                        }
                        if (size == 4) {
                            v = (int) v;
                        } else if (type == OnnxTensor.INT8) {
                            v = (byte) v;
                        }
                        data[i] = v;
                    }
                } else {
                    if (longs.size != n) {
                        throw r.error("tensor '" + name + "' declares " + n + " elements but carries " + longs.size);
                    }
                    data = longs.toArray();
                }
                return new OnnxTensor(name, type, shape, null, data);
            }
            default:
                throw r.error("tensor '" + name + "' has data type " + type + "; only float and integer tensors are supported");
        }
    }

    private static void requireBytes(WireReader r, String name, int bytes, int n, int size) {
        if ((long) n * size != bytes) {
            throw r.error("tensor '" + name + "' declares " + n + " elements (" + (long) n * size + " bytes) but carries "
                    + bytes + " bytes");
        }
    }

    private static void readFloats(WireReader r, int wt, FloatList out, String field) {
        if (wt == WireReader.FIXED32) {
            out.add(Float.intBitsToFloat(r.readFixed32()));
        } else if (wt == WireReader.LENGTH_DELIMITED) {
            WireReader p = r.readMessage(field);
            while (p.hasMore()) {
                out.add(Float.intBitsToFloat(p.readFixed32()));
            }
        } else {
            throw r.error("field " + field + " has wire type " + wt + ", expected 5 or 2 (packed)");
        }
    }

    private static void readLongs(WireReader r, int wt, LongList out, String field) {
        if (wt == WireReader.VARINT) {
            out.add(r.readVarint());
        } else if (wt == WireReader.LENGTH_DELIMITED) {
            WireReader p = r.readMessage(field);
            while (p.hasMore()) {
                out.add(p.readVarint());
            }
        } else {
            throw r.error("field " + field + " has wire type " + wt + ", expected 0 or 2 (packed)");
        }
    }

    /** A growable float array; its growth is bounded by the bytes a file actually has. */
    private static final class FloatList {
        float[] a = new float[8];
        int size;

        void add(float v) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }

    private static final class LongList {
        long[] a = new long[8];
        int size;

        void add(long v) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }
}
