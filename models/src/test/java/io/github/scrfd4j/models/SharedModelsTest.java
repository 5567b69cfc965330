package io.github.scrfd4j.models;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Checks the bundled manifest and the resolver against the real model files in ../shared/models. */
class SharedModelsTest {

    Path models;

    @BeforeEach
    void findShared() {
        String shared = System.getProperty("scrfd.shared");
        assumeTrue(shared != null, "system property scrfd.shared is not set (the Maven build sets it to ../shared)");
        models = Paths.get(shared, "models");
        assumeTrue(Files.isRegularFile(models.resolve("MANIFEST.tsv")),
                "no shared model files: " + models.resolve("MANIFEST.tsv") + " does not exist");
    }

    @Test
    void bundledManifestMatchesSharedManifest() throws IOException {
        List<String> lines = Files.readAllLines(models.resolve("MANIFEST.tsv"));
        List<String> head = Arrays.asList(lines.get(0).split("\t"));
        int file = head.indexOf("file");
        int sha = head.indexOf("sha256");
        int bytes = head.indexOf("bytes");
        Map<String, String[]> shared = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] c = line.split("\t");
                shared.put(c[file], c);
            }
        }
        List<ModelFile> bundled = ModelManifest.bundled().files();
        assertEquals(shared.keySet().size(), bundled.size(), "row counts differ");
        for (ModelFile f : bundled) {
            String[] c = shared.get(f.file());
            assertNotNull(c, f.file() + " is not in the shared manifest");
            assertEquals(c[sha], f.sha256(), f.file());
            assertEquals(Long.parseLong(c[bytes]), f.bytes(), f.file());
        }
    }

    @Test
    void realFilesVerifyThroughTheResolver(@TempDir Path emptyCache) {
        Duration t = Duration.ofMillis(500);
        ModelResolver r = new ModelResolver(ModelManifest.bundled(), models, emptyCache, false,
                new Downloader(t, t, new PrintStream(OutputStream.nullOutputStream()), Downloader.Progress.NEVER));
        for (ModelStatus s : r.status()) {
            assertEquals(ModelStatus.Location.MODELS_DIR, s.location(), s.toString());
            assertTrue(s.verified(), s.toString());
        }
        int resolved = 0;
        for (String name : r.manifest().names()) {
            for (ModelFormat f : r.manifest().formats(name)) {
                ResolvedModel m = r.resolve(name, f);
                assertEquals(f.kinds().size(), m.files().size());
                for (Path p : m.files()) {
                    assertEquals(models, p.getParent(), p.toString());
                }
                resolved++;
            }
        }
        assertEquals(11, resolved, "8 models, the 640x640 one in 4 formats");
    }
}
