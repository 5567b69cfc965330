package io.github.scrfd4j.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InputSpecTest {
    @Test
    void fixedModelsTakeTheirSizeOnlyDynamicOnesAny() {
        InputSpec fixed = new InputSpec("input", 640, 480);
        assertDoesNotThrow(() -> fixed.requireSize("MNN model", 640, 480));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fixed.requireSize("MNN model", 480, 640));
        assertEquals("this MNN model takes 640x480, not 480x640", e.getMessage());
        InputSpec dynamic = new InputSpec("input", -1, -1);
        assertDoesNotThrow(() -> dynamic.requireSize("ONNX model", 320, 96));
    }
}
