package io.github.scrfd4j.onnx;

import java.util.List;
import java.util.Map;

/** One operator application. Empty input names stand for omitted optional inputs, as in ONNX. */
public record OnnxNode(String name, String opType, String domain, List<String> inputs, List<String> outputs,
                       Map<String, OnnxAttribute> attributes) {
    /** A readable label for messages: the op type and the node's name or first output. */
    public String label() {
        return opType + " node '" + (name.isEmpty() ? (outputs.isEmpty() ? "?" : outputs.get(0)) : name) + "'";
    }
}
