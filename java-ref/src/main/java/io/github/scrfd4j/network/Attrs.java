package io.github.scrfd4j.network;

import io.github.scrfd4j.onnx.OnnxAttribute;
import io.github.scrfd4j.onnx.OnnxFormatException;
import io.github.scrfd4j.onnx.OnnxNode;

/** Typed access to node attributes: a present attribute of the wrong type is an error naming the node. */
final class Attrs {
    private Attrs() {
    }

    static long i(OnnxNode n, String name, long def) {
        OnnxAttribute a = n.attributes().get(name);
        if (a == null) {
            return def;
        }
        require(n, a, OnnxAttribute.INT);
        return a.i();
    }

    static float f(OnnxNode n, String name, float def) {
        OnnxAttribute a = n.attributes().get(name);
        if (a == null) {
            return def;
        }
        require(n, a, OnnxAttribute.FLOAT);
        return a.f();
    }

    static String s(OnnxNode n, String name, String def) {
        OnnxAttribute a = n.attributes().get(name);
        if (a == null) {
            return def;
        }
        require(n, a, OnnxAttribute.STRING);
        return a.s();
    }

    static long[] ints(OnnxNode n, String name, long[] def) {
        OnnxAttribute a = n.attributes().get(name);
        if (a == null) {
            return def;
        }
        require(n, a, OnnxAttribute.INTS);
        return a.ints();
    }

    static long[] intsOrNull(OnnxNode n, String name) {
        return ints(n, name, null);
    }

    static void range(OnnxNode n, String name, long v, long min, long max) {
        if (v < min || v > max) {
            throw new OnnxFormatException(n.label() + ": " + name + " value " + v + " outside [" + min + ", " + max + "]");
        }
    }

    /** Every value of a list attribute within {@code [min, max]}. */
    static void range(OnnxNode n, String name, long[] values, long min, long max) {
        for (long v : values) {
            range(n, name, v, min, max);
        }
    }

    private static void require(OnnxNode n, OnnxAttribute a, int type) {
        if (a.type() != type) {
            throw new OnnxFormatException(n.label() + ": attribute '" + a.name() + "' is a "
                    + typeName(a.type()) + ", expected " + typeName(type));
        }
    }

    private static String typeName(int t) {
        switch (t) {
            case OnnxAttribute.FLOAT: return "float";
            case OnnxAttribute.INT: return "int";
            case OnnxAttribute.STRING: return "string";
            case OnnxAttribute.TENSOR: return "tensor";
            case OnnxAttribute.INTS: return "list of ints";
            case OnnxAttribute.FLOATS: return "list of floats";
            default: return "type " + t;
        }
    }
}
