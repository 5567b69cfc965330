package io.github.scrfd4j.engine.mnn;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.engine.LeakCheck;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every MNN interpreter, session and host tensor is freed on close: RSS stays flat. */
class MnnLeakTest {
    @Test
    void createDetectCloseKeepsRssFlat() throws IOException {
        MnnEngineTest.requireMnn();
        Path model = SharedData.requireModel(MnnEngineTest.MNN_MODEL);
        LeakCheck.createDetectClose("MNN", () -> new Detector(new MnnEngine(model, MnnOptions.CPU),
                DetectorOptions.DEFAULTS), ImageDecoder.read(SharedData.requireImage("6.jpg")), 150);
    }
}
