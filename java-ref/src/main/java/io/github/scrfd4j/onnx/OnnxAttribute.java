package io.github.scrfd4j.onnx;

import java.util.Arrays;

/**
 * A node attribute. Only the kinds SCRFD's graphs use are kept: float, int, string, tensor, floats,
 * ints; {@link #type()} tells which field is set.
 */
public record OnnxAttribute(String name, int type, float f, long i, String s, OnnxTensor t, float[] floats,
                            long[] ints) {
    public static final int FLOAT = 1;
    public static final int INT = 2;
    public static final int STRING = 3;
    public static final int TENSOR = 4;
    public static final int GRAPH = 5;
    public static final int FLOATS = 6;
    public static final int INTS = 7;
    public static final int STRINGS = 8;

    static String typeName(int type) {
        switch (type) {
            case FLOAT: return "float";
            case INT: return "int";
            case STRING: return "string";
            case TENSOR: return "tensor";
            case GRAPH: return "graph";
            case FLOATS: return "floats";
            case INTS: return "ints";
            case STRINGS: return "strings";
            default: return "type " + type;
        }
    }

    @Override
    public String toString() {
        switch (type) {
            case FLOAT: return name + "=" + f;
            case INT: return name + "=" + i;
            case STRING: return name + "='" + s + "'";
            case INTS: return name + "=" + Arrays.toString(ints);
            case FLOATS: return name + "=" + Arrays.toString(floats);
            case TENSOR: return name + "=" + t;
            default: return name + ":" + typeName(type);
        }
    }
}
