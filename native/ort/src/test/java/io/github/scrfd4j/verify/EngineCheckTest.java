package io.github.scrfd4j.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.InputSpec;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.testsupport.SharedData;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The self-check passes an exact engine and names the outputs of a subtly wrong one. */
class EngineCheckTest {
    /** ONNX Runtime with one output nudged, as a miscompiled kernel would. */
    static final class Nudged implements Engine {
        private final OrtEngine inner;
        private final String output;
        private final float delta;

        Nudged(OrtEngine inner, String output, float delta) {
            this.inner = inner;
            this.output = output;
            this.delta = delta;
        }

        @Override
        public String name() {
            return "nudged " + inner.name();
        }

        @Override
        public InputSpec input() {
            return inner.input();
        }

        @Override
        public List<TensorInfo> outputs() {
            return inner.outputs();
        }

        @Override
        public EngineSession openSession() {
            EngineSession s = inner.openSession();
            return new EngineSession() {
                @Override
                public FloatBuffer inputBuffer(int w, int h) {
                    return s.inputBuffer(w, h);
                }

                @Override
                public List<Tensor> run(int w, int h) {
                    List<Tensor> out = new ArrayList<>();
                    for (Tensor t : s.run(w, h)) {
                        float[] d = t.data().clone();
                        if (t.name().equals(output)) {
                            for (int i = 0; i < d.length; i += 7) {
                                d[i] += delta;
                            }
                        }
                        out.add(new Tensor(t.name(), t.shape(), d));
                    }
                    return out;
                }

                @Override
                public void close() {
                    s.close();
                }
            };
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void exactEnginePassesAndNudgedOutputsAreNamed() {
        Path model = SharedData.requireModel("scrfd_2.5g_bnkps_shape640x640.onnx");
        List<Path> photos = List.of(SharedData.requireImage("6.jpg"));
        try (OrtEngine a = new OrtEngine(model, 1); OrtEngine ref = new OrtEngine(model, 1)) {
            EngineCheckReport same = new EngineCheck(a, ref).run(photos);
            assertTrue(same.ok(), same.toString());
            assertEquals(9, same.outputs().size());
            assertEquals(4, same.inputs());
            assertTrue(same.faces().get(0).contains("23 faces") && same.faces().get(0).contains("same faces"),
                    same.faces().toString());
        }
        try (Engine bad = new Nudged(new OrtEngine(model, 1), "bbox_16", 0.05f);
             OrtEngine ref = new OrtEngine(model, 1)) {
            EngineCheckReport r = new EngineCheck(bad, ref).run(photos);
            assertEquals(List.of("bbox_16"), r.diverging());
        }
        try (Engine slightly = new Nudged(new OrtEngine(model, 1), "score_8", 0.0005f);
             OrtEngine ref = new OrtEngine(model, 1)) {
            assertTrue(new EngineCheck(slightly, ref).run(photos).ok(), "5e-4 is within the score tolerance");
        }
    }
}
