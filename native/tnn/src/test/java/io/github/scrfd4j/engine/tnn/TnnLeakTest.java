package io.github.scrfd4j.engine.tnn;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.engine.LeakCheck;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every TNN model, instance and buffer is freed on close: RSS stays flat. */
class TnnLeakTest {
    @Test
    void createDetectCloseKeepsRssFlat() throws IOException {
        TnnEngineTest.requireTnn();
        Path proto = SharedData.requireModel(TnnEngineTest.PROTO);
        Path model = SharedData.requireModel(TnnEngineTest.MODEL);
        LeakCheck.createDetectClose("TNN", () -> new Detector(new TnnEngine(proto, model, TnnDevice.hostDefault(), 1),
                DetectorOptions.DEFAULTS), ImageDecoder.read(SharedData.requireImage("6.jpg")), 100);
    }
}
