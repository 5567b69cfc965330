package io.github.scrfd4j.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.onnx.OnnxFormatException;
import org.junit.jupiter.api.Test;

/** The smaller operators against cases worked by hand from the ONNX operator specification. */
class OperatorsTest {
    @Test
    void poolOutputSizesFollowFloorAndCeilModes() {
        assertEquals(2, Planner.poolOut(5, 2, 2, 0, 0, false)); // floor((5 - 2) / 2) + 1
        assertEquals(3, Planner.poolOut(5, 2, 2, 0, 0, true)); // ceil: the last window holds one column
        assertEquals(2, Planner.poolOut(4, 2, 2, 0, 0, true));
        // a last window that would start inside the end padding is dropped (PyTorch's and ONNX Runtime's rule)
        assertEquals(2, Planner.poolOut(3, 2, 2, 0, 1, true));
        assertEquals(3, Planner.poolOut(3, 3, 1, 1, 1, false));
        assertEquals(0, Planner.poolOut(1, 3, 1, 0, 0, false));
    }

    @Test
    void averagePoolDividesByTheClippedWindow() {
        // 3x3 input 1..9, 2x2 windows, stride 2, ceil mode: windows {1,2,4,5} {3,6} {7,8} {9}
        float[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Storage si = new Storage(9);
        Storage so = new Storage(4);
        PoolLayer avg = new PoolLayer(si, so, false, false, 1, 3, 3, 2, 2, 2, 2, 0, 0, 0, 0, 2, 2);
        assertArrayEquals(new float[] {3f, 4.5f, 7.5f, 9f}, ConvLayerTest.run(avg, si, so, in, 1));
        PoolLayer max = new PoolLayer(si, so, true, false, 1, 3, 3, 2, 2, 2, 2, 0, 0, 0, 0, 2, 2);
        assertArrayEquals(new float[] {5, 6, 8, 9}, ConvLayerTest.run(max, si, so, in, 1));
        // count_include_pad with pad 1 on each side: the corner window {pad, pad, pad, 1} averages over 4
        Storage so3 = new Storage(4);
        PoolLayer padded = new PoolLayer(si, so3, false, true, 1, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2);
        assertArrayEquals(new float[] {1 / 4f, (2 + 3) / 4f, (4 + 7) / 4f, (5 + 6 + 8 + 9) / 4f},
                ConvLayerTest.run(padded, si, so3, in, 1));
    }

    @Test
    void maxPoolPropagatesNaN() {
        Storage si = new Storage(4);
        Storage so = new Storage(1);
        PoolLayer max = new PoolLayer(si, so, true, false, 1, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1);
        assertTrue(Float.isNaN(ConvLayerTest.run(max, si, so, new float[] {1, Float.NaN, 3, 2}, 1)[0]));
    }

    @Test
    void nearestResizeIndicesFollowEachMode() {
        // 2x upsampling, asymmetric + floor (SCRFD's export): 0 0 1 1 2 2
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, ResizeIndex.map(3, 6, 2f, "asymmetric", "floor", "t"));
        // half_pixel + round_prefer_floor: x = (o + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25, 1.75, 2.25
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, ResizeIndex.map(3, 6, 2f, "half_pixel", "round_prefer_floor", "t"));
        // downscale 4 -> 2, asymmetric: x = 0, 2
        assertArrayEquals(new int[] {0, 2}, ResizeIndex.map(4, 2, 0.5f, "asymmetric", "floor", "t"));
        // align_corners 3 -> 5: x = o * 2 / 4 = 0, 0.5, 1, 1.5, 2; round_prefer_ceil: 0 1 1 2 2
        assertArrayEquals(new int[] {0, 1, 1, 2, 2}, ResizeIndex.map(3, 5, 5f / 3, "align_corners", "round_prefer_ceil", "t"));
        // the same with round_prefer_floor: 0 0 1 1 2
        assertArrayEquals(new int[] {0, 0, 1, 1, 2}, ResizeIndex.map(3, 5, 5f / 3, "align_corners", "round_prefer_floor", "t"));
        OnnxFormatException e = assertThrows(OnnxFormatException.class,
                () -> ResizeIndex.map(3, 6, 2f, "bogus", "floor", "Resize node 'r'"));
        assertTrue(e.getMessage().contains("bogus"), e.getMessage());
    }

    @Test
    void dataMovementMapsMatchHandWorkedIndices() {
        // transpose of [2, 3] (0 1 2 / 3 4 5): 0 3 1 4 2 5
        IndexMaps.Mapped t = IndexMaps.transpose(new int[] {2, 3}, new long[] {1, 0}, "t");
        assertArrayEquals(new int[] {3, 2}, t.shape());
        assertArrayEquals(new int[] {0, 3, 1, 4, 2, 5}, t.map());
        // [1, 2, 2, 2] with perm (0, 2, 3, 1): channel last
        IndexMaps.Mapped nhwc = IndexMaps.transpose(new int[] {1, 2, 2, 2}, new long[] {0, 2, 3, 1}, "t");
        assertArrayEquals(new int[] {0, 4, 1, 5, 2, 6, 3, 7}, nhwc.map());
        // slice [2:-1:1] of 0..5 and a reversed slice [4:0:-2]
        assertArrayEquals(new int[] {2, 3, 4}, IndexMaps.slice(new int[] {6}, new long[] {2}, new long[] {-1}, null, null, "s").map());
        assertArrayEquals(new int[] {4, 2}, IndexMaps.slice(new int[] {6}, new long[] {4}, new long[] {0}, null, new long[] {-2}, "s").map());
        // ends past the dimension are clamped (the INT64_MAX of exported graphs)
        assertArrayEquals(new int[] {4, 5}, IndexMaps.slice(new int[] {6}, new long[] {4}, new long[] {Long.MAX_VALUE}, null, null, "s").map());
        // gather rows 2 and 0 of [3, 2], and a negative index
        IndexMaps.Mapped g = IndexMaps.gather(new int[] {3, 2}, 0, new long[] {2, -3}, new int[] {2}, "g");
        assertArrayEquals(new int[] {2, 2}, g.shape());
        assertArrayEquals(new int[] {4, 5, 0, 1}, g.map());
        assertThrows(OnnxFormatException.class, () -> IndexMaps.gather(new int[] {3}, 0, new long[] {3}, new int[] {1}, "g"));
        assertThrows(OnnxFormatException.class, () -> IndexMaps.transpose(new int[] {2, 3}, new long[] {0, 0}, "t"));
    }

    @Test
    void broadcastingFollowsNumpy() {
        assertArrayEquals(new int[] {1, 3, 2, 2}, Shapes.broadcast(new int[] {1, 3, 2, 2}, new int[] {3, 1, 1}, "b"));
        // [3, 1, 1] against [1, 3, 2, 2]: element i takes channel i / 4
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2},
                Shapes.broadcastMap(new int[] {3, 1, 1}, new int[] {1, 3, 2, 2}));
        assertThrows(OnnxFormatException.class, () -> Shapes.broadcast(new int[] {2, 3}, new int[] {4}, "b"));
        float[] out = new float[4];
        BinaryLayer.compute(BinaryLayer.Op.MUL, new float[] {1, 2, 3, 4}, null, false, new float[] {10}, null, true, out, 4);
        assertArrayEquals(new float[] {10, 20, 30, 40}, out);
        BinaryLayer.compute(BinaryLayer.Op.ADD, new float[] {1, 2}, new int[] {0, 0, 1, 1}, false,
                new float[] {10, 20, 30, 40}, null, false, out, 4);
        assertArrayEquals(new float[] {11, 21, 32, 42}, out);
    }

    @Test
    void instanceNormalisationNormalisesEachChannel() {
        // channel 0: 1 2 3 4 (mean 2.5, variance 1.25), scale 2, bias 1; channel 1 constant: output = bias
        // (epsilon keeps the zero variance finite, as in ONNX's formula)
        float[] in = {1, 2, 3, 4, 5, 5, 5, 5};
        Storage si = new Storage(8);
        Storage so = new Storage(8);
        InstanceNormLayer l = new InstanceNormLayer(si, so, 2, 4, new float[] {2, 3}, new float[] {1, -1}, 1e-5f);
        float[] out = ConvLayerTest.run(l, si, so, in, 1);
        double sd = Math.sqrt(1.25 + 1e-5);
        for (int i = 0; i < 4; i++) {
            assertEquals(2 * (in[i] - 2.5) / sd + 1, out[i], 1e-6);
            assertEquals(-1, out[4 + i], 1e-6);
        }
    }
}
