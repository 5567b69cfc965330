package io.github.scrfd4j.onnx;

import java.util.Arrays;

/** A graph input or output: name, element type and dimensions (-1 where symbolic or absent). */
public record OnnxValueInfo(String name, int elementType, long[] dims) {
    @Override
    public String toString() {
        return name + Arrays.toString(dims);
    }
}
