package io.github.scrfd4j.onnx;

import java.util.List;
import java.util.Map;

/**
 * A model's main graph as stored: nodes in file order, initializers by name, inputs that are not
 * initializers, outputs.
 */
public record OnnxGraph(String name, List<OnnxNode> nodes, Map<String, OnnxTensor> initializers,
                        List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs) {
}
