package io.github.scrfd4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.EngineProvider;
import io.github.scrfd4j.engine.EngineProviders;
import io.github.scrfd4j.engine.EngineSettings;
import io.github.scrfd4j.models.Downloader;
import io.github.scrfd4j.models.ModelFormat;
import io.github.scrfd4j.models.ModelManifest;
import io.github.scrfd4j.models.ModelResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine choice from the providers on the class path, with stand-in providers. */
class EngineSelectorTest {
    @TempDir
    Path tmp;

    record Fake(String name, String format, boolean usable) implements EngineProvider {
        @Override
        public String runtime() {
            return name.toUpperCase();
        }

        @Override
        public String artifact() {
            return "test:" + name;
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<String> formats() {
            return List.of(format);
        }

        @Override
        public List<String> devices() {
            return List.of("cpu", "gpu");
        }

        @Override
        public EngineAvailability availability() {
            return usable ? EngineAvailability.usable("/lib/" + name + ".so") : EngineAvailability.unusable(
                    "lib" + name + ".so not installed");
        }

        @Override
        public Engine open(List<Path> modelFiles, EngineSettings settings) {
            throw new UnsupportedOperationException();
        }
    }

    private ModelResolver resolver() {
        return new ModelResolver(ModelManifest.bundled(), tmp, tmp.resolve("cache"), false, new Downloader());
    }

    private Path file(String name) throws IOException {
        return Files.writeString(tmp.resolve(name), "x");
    }

    @Test
    void autoGoesByTheFileExtension() throws IOException {
        EngineSelector s = new EngineSelector(EngineProviders.of(List.of(new Fake("ort", "onnx", true),
                new Fake("mnn", "mnn", true))));
        EngineSelector.Selection sel = s.select("auto", file("m.mnn").toString(), "cpu", resolver());
        assertEquals("mnn", sel.provider().name());
        assertEquals(ModelFormat.MNN, sel.model().format());
        assertEquals("ort", s.select("AUTO", file("m.onnx").toString(), "gpu", resolver()).provider().name());
    }

    @Test
    void aModelNameMeansItsOnnxFile() {
        assertEquals(ModelFormat.ONNX, EngineSelector.formatOf("scrfd_2.5g_bnkps_shape640x640"));
        assertEquals(ModelFormat.TNN, EngineSelector.formatOf("/x/m.opt.tnnmodel"));
        assertEquals(ModelFormat.NCNN, EngineSelector.formatOf("m.opt.param"));
    }

    @Test
    void anExistingFileOfUnknownFormatIsAUsageError() throws IOException {
        Path f = file("model.weights");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineSelector.formatOf(f.toString()));
        assertTrue(e.getMessage().contains("--engine"), e.getMessage());
    }

    @Test
    void aFormatWithoutEngineNamesTheArtifactToAdd() throws IOException {
        EngineSelector s = new EngineSelector(EngineProviders.of(List.of(new Fake("ort", "onnx", true))));
        String m = file("m.mnn").toString();
        EngineException e = assertThrows(EngineException.class, () -> s.select("auto", m, "cpu", resolver()));
        assertTrue(e.getMessage().contains("io.github.scrfd4j:scrfd4j-mnn") && e.getMessage().contains("engines found: ort"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anUnusableEngineSaysWhy() throws IOException {
        EngineSelector s = new EngineSelector(EngineProviders.of(List.of(new Fake("tnn", "tnn", false))));
        file("m.tnnmodel");
        String proto = file("m.tnnproto").toString();
        EngineException e = assertThrows(EngineException.class, () -> s.select("auto", proto, "cpu", resolver()));
        assertTrue(e.getMessage().contains("TNN engine unavailable") && e.getMessage().contains("libtnn.so not installed")
                && e.getMessage().contains("test:tnn"), e.getMessage());
    }

    @Test
    void aUsableEngineIsPreferredForItsFormat() {
        EngineProviders p = EngineProviders.of(List.of(new Fake("a", "onnx", false), new Fake("b", "onnx", true)));
        assertEquals("b", p.forFormat("onnx").orElseThrow().name());
        assertEquals("a", EngineProviders.of(List.of(new Fake("a", "onnx", false))).forFormat("ONNX").orElseThrow().name());
        assertTrue(p.forFormat("mnn").isEmpty());
    }

    @Test
    void unknownEnginesAndDevicesAreUsageErrors() throws IOException {
        EngineSelector s = new EngineSelector(EngineProviders.of(List.of(new Fake("ort", "onnx", true))));
        String m = file("m.onnx").toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.select("tensorflow", m, "cpu", resolver()));
        assertTrue(e.getMessage().contains("--engine") && e.getMessage().contains("ort, or auto"), e.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> s.select("ort", m, "tpu", resolver()));
        assertTrue(d.getMessage().contains("--device") && d.getMessage().contains("valid: cpu, gpu"), d.getMessage());
    }
}
