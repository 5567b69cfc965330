package io.github.scrfd4j.engine.ncnn;

import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.detect.DetectorOptions;
import io.github.scrfd4j.engine.LeakCheck;
import io.github.scrfd4j.image.ImageDecoder;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every ncnn net, extractor and mat is freed: RSS stays flat over create/detect/close. */
class NcnnLeakTest {
    @Test
    void createDetectCloseKeepsRssFlat() throws IOException {
        NcnnEngineTest.requireNcnn();
        Path param = SharedData.requireModel(NcnnEngineTest.PARAM);
        Path bin = SharedData.requireModel(NcnnEngineTest.BIN);
        LeakCheck.createDetectClose("ncnn", () -> new Detector(new NcnnEngine(param, bin, NcnnOptions.CPU),
                DetectorOptions.DEFAULTS), ImageDecoder.read(SharedData.requireImage("6.jpg")), 100);
    }
}
