package io.github.scrfd4j.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.anchors.StridePlan;
import io.github.scrfd4j.engine.TensorInfo;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutputLayoutTest {
    /** How each model of ../shared/models/MANIFEST.tsv declares its outputs (from the manifest's columns). */
    enum Kind { NAMED_BATCH, NUMBERED_DYNAMIC, NUMBERED_FIXED }

    record ModelShape(Kind kind, int side, boolean kps) {
    }

    static final Map<String, ModelShape> MANIFEST_MODELS = Map.ofEntries(
            Map.entry("scrfd_2.5g_bnkps_shape640x640", new ModelShape(Kind.NAMED_BATCH, 640, true)),
            Map.entry("scrfd_500m", new ModelShape(Kind.NUMBERED_DYNAMIC, 640, false)),
            Map.entry("scrfd_1g", new ModelShape(Kind.NUMBERED_DYNAMIC, 640, false)),
            Map.entry("scrfd_2.5g", new ModelShape(Kind.NUMBERED_DYNAMIC, 640, false)),
            Map.entry("scrfd_500m_bnkps_shape160x160", new ModelShape(Kind.NUMBERED_FIXED, 160, true)),
            Map.entry("scrfd_500m_bnkps_shape320x320", new ModelShape(Kind.NUMBERED_FIXED, 320, true)),
            Map.entry("scrfd_2.5g_bnkps_shape160x160", new ModelShape(Kind.NUMBERED_FIXED, 160, true)),
            Map.entry("scrfd_2.5g_bnkps_shape320x320", new ModelShape(Kind.NUMBERED_FIXED, 320, true)));

    /** Outputs as the model declares them; {@code runTime}: with the N a run at {@code side} reports. */
    static List<TensorInfo> outputs(ModelShape m, int side, boolean runTime) {
        List<TensorInfo> out = new ArrayList<>();
        String[] kinds = m.kps() ? new String[] {"score", "bbox", "kps"} : new String[] {"score", "bbox"};
        int[] cols = {1, 4, 10};
        int number = 400;
        for (int k = 0; k < kinds.length; k++) {
            for (int s : new int[] {8, 16, 32}) {
                long n = (long) (side / s) * (side / s) * 2;
                switch (m.kind()) {
                    case NAMED_BATCH:
                        out.add(new TensorInfo(kinds[k] + "_" + s, new long[] {1, n, cols[k]}));
                        break;
                    case NUMBERED_FIXED:
                        out.add(new TensorInfo(Integer.toString(number++), new long[] {n, cols[k]}));
                        break;
                    default:
                        out.add(new TensorInfo(Integer.toString(number++), new long[] {runTime ? n : -1, cols[k]}));
                }
            }
        }
        return out;
    }

    @Test
    void everyManifestModelIsCovered() throws IOException {
        Path manifest = SharedData.requireRoot().resolve("models/MANIFEST.tsv");
        for (String line : Files.readAllLines(manifest)) {
            if (line.startsWith("file\t") || line.isBlank()) {
                continue;
            }
            String file = line.split("\t")[0];
            String model = file.replaceAll("(\\.opt)?\\.(onnx|mnn|tnnproto|tnnmodel|param|bin)$", "");
            assertTrue(MANIFEST_MODELS.containsKey(model), "manifest model without a layout case: " + file);
        }
    }

    @Test
    void infersEveryManifestModel() {
        for (Map.Entry<String, ModelShape> e : MANIFEST_MODELS.entrySet()) {
            ModelShape m = e.getValue();
            int[] sides = m.kind() == Kind.NUMBERED_DYNAMIC ? new int[] {640, 320} : new int[] {m.side()};
            for (int side : sides) {
                List<TensorInfo> declared = outputs(m, side, false);
                OutputLayout layout = OutputLayout.infer(declared, side, side);
                assertEquals(StridePlan.THREE_STRIDES, layout.plan(), e.getKey());
                assertEquals(m.kps(), layout.hasLandmarks(), e.getKey());
                String expectedHow = m.kind() == Kind.NAMED_BATCH ? "names"
                        : m.kind() == Kind.NUMBERED_FIXED ? "shapes" : "order";
                assertEquals(expectedHow, layout.inferredBy(), e.getKey());
                for (int level = 0; level < 3; level++) {
                    int stride = 8 << level;
                    long n = (long) (side / stride) * (side / stride) * 2;
                    assertEquals(n, rows(declared, layout.scoreIndex(level), side, m, level, 0), e.getKey());
                    assertEquals(4, cols(declared.get(layout.boxIndex(level))), e.getKey());
                    if (m.kps()) {
                        assertEquals(10, cols(declared.get(layout.landmarkIndex(level))), e.getKey());
                    }
                    if (m.kind() == Kind.NAMED_BATCH) {
                        assertEquals("score_" + stride, declared.get(layout.scoreIndex(level)).name());
                        assertEquals("bbox_" + stride, declared.get(layout.boxIndex(level)).name());
                    } else {
                        // InsightFace order: scores 8/16/32, boxes, landmarks
                        assertEquals(level, layout.scoreIndex(level));
                        assertEquals(3 + level, layout.boxIndex(level));
                    }
                }
            }
        }
    }

    private static long rows(List<TensorInfo> declared, int index, int side, ModelShape m, int level, int unused) {
        long r = OutputLayout.rowsAndColumns(declared.get(index))[0];
        if (r < 0) {
            return outputs(m, side, true).get(index).dim(0);
        }
        return r;
    }

    private static long cols(TensorInfo t) {
        return OutputLayout.rowsAndColumns(t)[1];
    }

    @Test
    void namedOrShapedOutputsMayComeInAnyOrder() {
        Random rnd = new Random(3);
        for (Kind kind : new Kind[] {Kind.NAMED_BATCH, Kind.NUMBERED_FIXED}) {
            List<TensorInfo> declared = outputs(new ModelShape(kind, 320, true), 320, true);
            for (int trial = 0; trial < 20; trial++) {
                List<TensorInfo> shuffled = new ArrayList<>(declared);
                Collections.shuffle(shuffled, rnd);
                OutputLayout layout = OutputLayout.infer(shuffled, 320, 320);
                for (int level = 0; level < 3; level++) {
                    assertEquals(declared.get(level), shuffled.get(layout.scoreIndex(level)));
                    assertEquals(declared.get(3 + level), shuffled.get(layout.boxIndex(level)));
                    assertEquals(declared.get(6 + level), shuffled.get(layout.landmarkIndex(level)));
                }
            }
        }
    }

    @Test
    void fiveStrideHeadsWithTenAndFifteenOutputs() {
        for (boolean kps : new boolean[] {false, true}) {
            List<TensorInfo> out = new ArrayList<>();
            int[] cols = kps ? new int[] {1, 4, 10} : new int[] {1, 4};
            for (int c : cols) {
                for (int s : new int[] {8, 16, 32, 64, 128}) {
                    out.add(new TensorInfo("t" + out.size(), new long[] {1, (640 / s) * (640 / s), c}));
                }
            }
            OutputLayout layout = OutputLayout.infer(out, 640, 640);
            assertEquals(StridePlan.FIVE_STRIDES, layout.plan());
            assertEquals(kps, layout.hasLandmarks());
            assertEquals(4, layout.scoreIndex(4));
            assertEquals(9, layout.boxIndex(4));
        }
    }

    @Test
    void unfitLayoutsListWhatWasFound() {
        List<TensorInfo> seven = new ArrayList<>(outputs(new ModelShape(Kind.NAMED_BATCH, 640, true), 640, true));
        seven.subList(7, 9).clear();
        OutputLayoutException e = assertThrows(OutputLayoutException.class, () -> OutputLayout.infer(seven, 640, 640));
        assertTrue(e.getMessage().contains("found 7") && e.getMessage().contains("score_8[1, 12800, 1]"),
                e.getMessage());
        // right count, wrong sizes: a 640 model read as 320
        List<TensorInfo> six = outputs(new ModelShape(Kind.NUMBERED_FIXED, 640, false), 640, true);
        OutputLayoutException w = assertThrows(OutputLayoutException.class, () -> OutputLayout.infer(six, 320, 320));
        assertTrue(w.getMessage().contains("should be [1, 3200, 1]"), w.getMessage());
        // a classifier's single output
        assertThrows(OutputLayoutException.class,
                () -> OutputLayout.infer(List.of(new TensorInfo("logits", new long[] {1, 1000})), 640, 640));
        // named but with the wrong columns
        List<TensorInfo> bad = new ArrayList<>(outputs(new ModelShape(Kind.NAMED_BATCH, 640, false), 640, true));
        bad.set(3, new TensorInfo("bbox_8", new long[] {1, 12800, 5}));
        OutputLayoutException c = assertThrows(OutputLayoutException.class, () -> OutputLayout.infer(bad, 640, 640));
        assertFalse(c.getMessage().isEmpty());
    }
}
