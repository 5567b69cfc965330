package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.engine.EngineProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ONNX-Runtime-only program finds faces, and sees exactly the engines of what it depends on:
 * ONNX Runtime, and the pure-Java network that comes inside scrfd4j-java-ref (no native code).
 */
class DetectFacesTest {
    private static Path shared(String file) {
        Path p = Path.of(System.getProperty("scrfd.shared", "../../../shared")).resolve(file);
        assumeTrue(Files.isRegularFile(p), () -> "skipped: " + p + " is missing (../shared beside the repository)");
        return p;
    }

    @Test
    void findsThePublishedCountIn6jpg() {
        List<Face> faces = DetectFaces.detect(shared("models/scrfd_2.5g_bnkps_shape640x640.onnx"),
                shared("testdata/images/6.jpg"));
        // lite.ai.toolkit's published count for 6.jpg with ONNX Runtime
        assertEquals(23, faces.size());
    }

    @Test
    void serviceLoaderFindsOnnxRuntimeAndThePureJavaNetworkOnly() {
        EngineProviders engines = EngineProviders.load();
        assertEquals(List.of("java", "ort"), engines.names());
        // an .onnx model runs on ONNX Runtime unless the application asks for the Java network
        assertEquals("ort", engines.forFormat("onnx").orElseThrow().name());
    }
}
