package io.github.scrfd4j.onnx;

/** An ONNX file that cannot be read or that this reader does not support, with where and why. */
public class OnnxFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OnnxFormatException(String message) {
        super(message);
    }
}
