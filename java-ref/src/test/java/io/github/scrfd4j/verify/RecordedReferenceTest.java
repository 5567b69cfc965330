package io.github.scrfd4j.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.detect.BrightCellEngine;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineSession;
import io.github.scrfd4j.engine.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference outputs recorded on one machine and replayed on another give what the engine gave. */
class RecordedReferenceTest {
    static final int SIDE = 64;

    @TempDir
    Path tmp;

    private static List<Tensor> run(EngineSession s, float[] input) {
        s.inputBuffer(SIDE, SIDE).duplicate().put(input);
        return s.run(SIDE, SIDE);
    }

    @Test
    void replayGivesTheRecordedOutputsBitForBit() {
        RecordedOutputs store = new RecordedOutputs(tmp.resolve("ref"));
        Map<String, float[]> inputs = EngineCheck.synthetic(SIDE, SIDE);
        try (Engine rec = new RecordingEngine(new BrightCellEngine(SIDE), store);
             EngineSession s = rec.openSession()) {
            inputs.values().forEach(in -> run(s, in));
        }
        try (Engine live = new BrightCellEngine(SIDE); Engine replay = new ReplayedEngine(store);
             EngineSession a = live.openSession(); EngineSession b = replay.openSession()) {
            assertEquals(live.outputs(), replay.outputs());
            assertEquals(live.input(), replay.input());
            assertTrue(replay.name().startsWith("bright-cell test engine (recorded in "), replay.name());
            for (float[] in : inputs.values()) {
                List<Tensor> want = run(a, in);
                List<Tensor> got = run(b, in);
                assertEquals(want.size(), got.size());
                for (int i = 0; i < want.size(); i++) {
                    assertEquals(want.get(i).name(), got.get(i).name());
                    assertArrayEquals(want.get(i).shape(), got.get(i).shape());
                    assertArrayEquals(want.get(i).data(), got.get(i).data());
                }
            }
        }
    }

    @Test
    void engineCheckAgainstAReplayFindsNoDifferenceAndAnUnrecordedInputIsNamed() {
        RecordedOutputs store = new RecordedOutputs(tmp.resolve("ref"));
        try (Engine live = new BrightCellEngine(SIDE); Engine rec = new RecordingEngine(new BrightCellEngine(SIDE), store)) {
            assertTrue(new EngineCheck(live, rec).run(List.of()).ok());
        }
        try (Engine live = new BrightCellEngine(SIDE); Engine replay = new ReplayedEngine(store)) {
            EngineCheckReport r = new EngineCheck(live, replay).run(List.of());
            assertEquals(3, r.inputs());
            assertFalse(r.outputs().isEmpty());
            for (OutputDiff d : r.outputs()) {
                assertEquals(0.0, d.maxAbs(), d.output());
            }
            try (EngineSession s = replay.openSession()) {
                float[] other = new float[3 * SIDE * SIDE];
                other[7] = 0.5f;
                EngineException e = assertThrows(EngineException.class, () -> run(s, other));
                assertTrue(e.getMessage().contains("no recorded reference outputs for this input (SHA-256 "), e.getMessage());
            }
        }
    }

    @Test
    void missingOrDamagedRecordingsAndUseAfterCloseAreClearErrors() throws Exception {
        EngineException none = assertThrows(EngineException.class,
                () -> new ReplayedEngine(new RecordedOutputs(tmp.resolve("nothing"))));
        assertTrue(none.getMessage().contains("not a directory of recorded reference outputs"), none.getMessage());
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve(RecordedOutputs.INDEX), "engine\tx\ninput\tdata\tsixty\t64\n");
        EngineException damaged = assertThrows(EngineException.class, () -> new ReplayedEngine(new RecordedOutputs(bad)));
        assertTrue(damaged.getMessage().startsWith("damaged "), damaged.getMessage());

        RecordedOutputs store = new RecordedOutputs(tmp.resolve("ref"));
        new RecordingEngine(new BrightCellEngine(SIDE), store).close();
        Engine replay = new ReplayedEngine(store);
        EngineSession s = replay.openSession();
        replay.close();
        replay.close();
        assertThrows(IllegalStateException.class, () -> s.inputBuffer(SIDE, SIDE));
        assertThrows(IllegalStateException.class, replay::openSession);
    }
}
