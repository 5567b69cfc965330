package io.github.scrfd4j.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.testsupport.SharedData;
import io.github.scrfd4j.verify.EngineCheck;
import io.github.scrfd4j.verify.EngineCheckReport;
import io.github.scrfd4j.verify.OutputDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java network against ONNX Runtime, an independent implementation of the same graphs: every
 * ONNX model of ../shared/models, on synthetic tensors and the letterboxed photos, every output within
 * {@value #TOLERANCE} (absolute), the same faces on every photo; dynamic models at a non-square size too.
 */
class JavaNetworkAgainstOrtTest {
    static final double TOLERANCE = 1e-4;

    private static List<Path> onnxModels() throws IOException {
        Path root = SharedData.requireRoot();
        List<Path> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("models/MANIFEST.tsv"))) {
            String file = line.split("\t")[0];
            if (file.endsWith(".onnx")) {
                out.add(root.resolve("models").resolve(file));
            }
        }
        return out;
    }

    @Test
    void everyOnnxModelMatchesOnnxRuntimeOnSyntheticTensorsAndPhotos() throws IOException {
        List<Path> models = onnxModels();
        assertEquals(8, models.size(), "the manifest's ONNX models: " + models);
        List<Path> photos = SharedData.requireAllImages();
        List<String> report = new ArrayList<>();
        for (Path model : models) {
            try (Engine java = new JavaNetwork(model, 1); Engine ort = new OrtEngine(model, 1)) {
                EngineCheckReport r = new EngineCheck(java, ort).run(photos);
                double worst = 0;
                for (OutputDiff d : r.outputs()) {
                    assertTrue(d.maxAbs() <= TOLERANCE, model.getFileName() + ": " + d);
                    worst = Math.max(worst, d.maxAbs());
                }
                assertEquals(8, r.inputs());
                for (String f : r.faces()) {
                    assertTrue(f.endsWith("same faces"), model.getFileName() + ": " + f);
                    String[] counts = f.replaceAll(".*: (\\d+) faces \\(reference (\\d+)\\).*", "$1 $2").split(" ");
                    assertEquals(counts[1], counts[0], model.getFileName() + ": " + f);
                }
                report.add(String.format(Locale.ROOT, "%s %.2e", model.getFileName(), worst));
            }
        }
        System.out.println("Java network vs ONNX Runtime, largest |diff| per model (8 inputs each): " + report);
    }

    @Test
    void dynamicModelsMatchAtANonSquareSize() throws IOException {
        int w = 480;
        int h = 352;
        for (Path model : onnxModels()) {
            if (!model.getFileName().toString().matches("scrfd_(500m|1g|2\\.5g)\\.onnx")) {
                continue;
            }
            try (Engine java = new JavaNetwork(model, 2); Engine ort = new OrtEngine(model, 1);
                 EngineSession a = java.openSession(); EngineSession b = ort.openSession()) {
                assertTrue(java.input().dynamic());
                float[] in = new float[3 * w * h];
                Random rnd = new Random(7);
                for (int i = 0; i < in.length; i++) {
                    in[i] = (float) rnd.nextGaussian();
                }
                a.inputBuffer(w, h).put(in);
                b.inputBuffer(w, h).put(in);
                Map<String, Tensor> ref = new HashMap<>();
                for (Tensor t : b.run(w, h)) {
                    ref.put(t.name(), t);
                }
                List<Tensor> mine = a.run(w, h);
                assertEquals(ref.size(), mine.size());
                for (Tensor t : mine) {
                    Tensor r = ref.get(t.name());
                    assertArrayEquals(r.shape(), t.shape(), t.name());
                    for (int i = 0; i < t.data().length; i++) {
                        assertTrue(Math.abs(t.data()[i] - r.data()[i]) <= TOLERANCE, model.getFileName() + " " + t.name()
                                + "[" + i + "]: " + t.data()[i] + " vs " + r.data()[i]);
                    }
                }
            }
        }
    }
}
