package io.github.scrfd4j.onnx;

/**
 * A parsed ONNX model.
 *
 * @param opset the version of the default ("ai.onnx") operator set it imports
 */
public record OnnxModel(long irVersion, long opset, String producer, OnnxGraph graph) {
}
