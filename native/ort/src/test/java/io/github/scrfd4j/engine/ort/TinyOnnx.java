package io.github.scrfd4j.engine.ort;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes minimal ONNX models by hand (protobuf wire format), so tests can feed ONNX Runtime a valid
 * model that is not an SCRFD: {@code outputs} Identity copies of a {@code [1, 3, side, side]} input.
 */
final class TinyOnnx {
    private TinyOnnx() {
    }

    static byte[] identityModel(int side, int outputs) {
        Proto graph = new Proto();
        for (int i = 0; i < outputs; i++) {
            Proto node = new Proto().string(1, "input.1").string(2, "out" + i).string(3, "id" + i)
                    .string(4, "Identity");
            graph.message(1, node);
        }
        graph.string(2, "tiny");
        graph.message(11, valueInfo("input.1", side));
        for (int i = 0; i < outputs; i++) {
            graph.message(12, valueInfo("out" + i, side));
        }
        Proto opset = new Proto().string(1, "").varint(2, 13);
        return new Proto().varint(1, 7).string(2, "scrfd4j-test").message(7, graph).message(8, opset).bytes();
    }

    private static Proto valueInfo(String name, int side) {
        Proto shape = new Proto();
        for (long d : new long[] {1, 3, side, side}) {
            shape.message(1, new Proto().varint(1, d));
        }
        Proto tensor = new Proto().varint(1, 1).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
    }

    /** Just enough of the protobuf encoder: varints, length-delimited strings and messages. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long v) {
            writeVarint((long) field << 3);
            writeVarint(v);
            return this;
        }

        Proto string(int field, String s) {
            return raw(field, s.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto m) {
            return raw(field, m.bytes());
        }

        private Proto raw(int field, byte[] b) {
            writeVarint(((long) field << 3) | 2);
            writeVarint(b.length);
            out.write(b, 0, b.length);
            return this;
        }

        private void writeVarint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
