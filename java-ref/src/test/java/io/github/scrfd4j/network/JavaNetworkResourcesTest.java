package io.github.scrfd4j.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.onnx.OnnxReader;
import io.github.scrfd4j.onnx.OnnxTensor;
import io.github.scrfd4j.testsupport.SharedData;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a Java network session costs: its arrays (activations, scratch) against the bound of
 * three times the largest activation plus the weights, for every shared ONNX model; no allocation
 * per run beyond the returned list; the same bits whatever the thread count; use after close.
 */
class JavaNetworkResourcesTest {
    private static List<Path> models() throws Exception {
        try (Stream<Path> s = Files.list(SharedData.requireRoot().resolve("models"))) {
            return s.filter(p -> p.toString().endsWith(".onnx")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void sessionArraysStayUnderThreeLargestActivationsPlusTheWeights() throws Exception {
        List<String> report = new ArrayList<>();
        for (Path model : models()) {
            try (JavaNetwork n = new JavaNetwork(model, 1)) {
                int w = n.input().dynamic() ? 640 : n.input().width();
                int h = n.input().dynamic() ? 640 : n.input().height();
                Plan p = n.plan(w, h);
                long weights = 0;
                for (OnnxTensor t : OnnxReader.read(model).graph().initializers().values()) {
                    weights += t.elementCount();
                }
                long session = p.activationFloats() + (long) p.scratch * n.threads();
                long bound = 3L * p.largestActivation() + weights;
                report.add(String.format(Locale.ROOT, "%s %.1f MB <= %.1f MB", model.getFileName(), session * 4e-6,
                        bound * 4e-6));
                assertTrue(session <= bound, model.getFileName() + ": session arrays " + session + " floats > 3 x "
                        + p.largestActivation() + " + " + weights);
            }
        }
        System.out.println("Java network session arrays vs 3 x largest activation + weights: " + report);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aRunAllocatesOnlyTheOutputList() throws Exception {
        Path model = SharedData.requireModel("scrfd_500m_bnkps_shape160x160.onnx");
        try (JavaNetwork n = new JavaNetwork(model, 1); EngineSession s = n.openSession()) {
            s.inputBuffer(160, 160).put(new float[3 * 160 * 160]);
            for (int i = 0; i < 20; i++) {
                s.run(160, 160);
            }
            long before = allocatedBytes();
            int runs = 50;
            for (int i = 0; i < runs; i++) {
                s.run(160, 160);
            }
            long perRun = (allocatedBytes() - before) / runs;
            // the output list and its 9 Tensor objects, and a task object per layer: 1-2 KB; boxed Vector API
            // values (kernels C2 did not intrinsify) were 11 MB, an activation array would be 100 KB or more
            assertTrue(perRun < 4096, "bytes allocated per run: " + perRun);
            System.out.println("Java network, bytes allocated per run: " + perRun);
        }
    }

    @Test
    void threadCountChangesNoBitOfAWholeNetwork() throws Exception {
        Path model = SharedData.requireModel("scrfd_500m_bnkps_shape320x320.onnx");
        float[] in = new float[3 * 320 * 320];
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) rnd.nextGaussian();
        }
        List<float[]> one = new ArrayList<>();
        try (JavaNetwork n = new JavaNetwork(model, 1); EngineSession s = n.openSession()) {
            s.inputBuffer(320, 320).put(in);
            for (Tensor t : s.run(320, 320)) {
                one.add(t.data().clone());
            }
        }
        try (JavaNetwork n = new JavaNetwork(model, 3); EngineSession s = n.openSession()) {
            s.inputBuffer(320, 320).put(in);
            List<Tensor> three = s.run(320, 320);
            for (int i = 0; i < three.size(); i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(one.get(i), three.get(i).data(), three.get(i).name());
            }
        }
    }

    @Test
    void useAfterCloseAndWrongSizesAreClearErrors() throws Exception {
        Path model = SharedData.requireModel("scrfd_500m_bnkps_shape160x160.onnx");
        JavaNetwork n = new JavaNetwork(model, 2);
        EngineSession s = n.openSession();
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> s.inputBuffer(320, 320));
        assertTrue(size.getMessage().contains("160x160"), size.getMessage());
        IllegalStateException early = assertThrows(IllegalStateException.class, () -> s.run(160, 160));
        assertTrue(early.getMessage().contains("inputBuffer"), early.getMessage());
        s.inputBuffer(160, 160);
        s.close();
        s.close();
        assertThrows(IllegalStateException.class, () -> s.run(160, 160));
        EngineSession t = n.openSession();
        n.close();
        n.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> t.inputBuffer(160, 160));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        assertThrows(IllegalStateException.class, n::openSession);
        assertEquals("java network (vector", n.name().substring(0, 20).replace("scalar", "vector"));
    }
}
