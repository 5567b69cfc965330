package io.github.scrfd4j.models;

import io.github.scrfd4j.models.ModelResolutionException.Reason;
import io.github.scrfd4j.models.ModelStatus.Location;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelResolverTest {

    @TempDir
    Path tmp;
    ToyServer server;
    ModelManifest manifest;
    Path env;
    Path cache;

    @BeforeEach
    void start() throws IOException {
        server = new ToyServer();
        manifest = ModelManifest.load(server.writeManifest(tmp));
        env = Files.createDirectories(tmp.resolve("env"));
        cache = Files.createDirectories(tmp.resolve("cache"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ModelResolver resolver(boolean download) {
        Duration t = Duration.ofMillis(500);
        return new ModelResolver(manifest, env, cache, download,
                new Downloader(t, t, new PrintStream(OutputStream.nullOutputStream()), Downloader.Progress.NEVER));
    }

    ModelResolutionException failure(boolean download, String nameOrPath, ModelFormat f) {
        return assertThrows(ModelResolutionException.class, () -> resolver(download).resolve(nameOrPath, f));
    }

    @Test
    void envDirBeatsCacheAndExplicitPathBeatsAll() throws IOException {
        Files.write(env.resolve("toy.onnx"), server.toy);
        Files.write(cache.resolve("toy.onnx"), server.toy);
        assertEquals(List.of(env.resolve("toy.onnx")), resolver(true).resolve("toy", ModelFormat.ONNX).files());

        Path explicit = Files.write(Files.createDirectories(tmp.resolve("mine")).resolve("toy.onnx"), new byte[] {1, 2, 3});
        ResolvedModel m = resolver(true).resolve(explicit.toString(), ModelFormat.ONNX);
        assertEquals(List.of(explicit), m.files());
        assertEquals("toy", m.name());

        Files.delete(env.resolve("toy.onnx"));
        assertEquals(List.of(cache.resolve("toy.onnx")), resolver(true).resolve("toy", ModelFormat.ONNX).files());
        assertEquals(0, server.totalHits());
    }

    @Test
    void badFileInEnvDirIsAnErrorAndLeftAlone() throws IOException {
        byte[] user = ToyServer.bytes(7, ToyServer.SIZE);
        Files.write(env.resolve("toy.onnx"), user);
        ModelResolutionException e = failure(true, "toy", ModelFormat.ONNX);
        assertEquals(Reason.CHECKSUM_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains(Sha256.of(user)) && e.getMessage().contains(Sha256.of(server.toy)), e.getMessage());
        assertTrue(e.getMessage().contains(env.resolve("toy.onnx").toString()), e.getMessage());
        assertArrayEquals(user, Files.readAllBytes(env.resolve("toy.onnx")));
        assertEquals(0, server.totalHits());

        Files.write(env.resolve("toy.onnx"), new byte[10]);
        assertEquals(Reason.SIZE_MISMATCH, failure(true, "toy", ModelFormat.ONNX).reason());
    }

    @Test
    void downloadsDisabledSaysWhereToPutTheFile() {
        ModelResolutionException e = failure(false, "toy", ModelFormat.ONNX);
        assertEquals(Reason.DOWNLOAD_DISABLED, e.reason());
        String m = e.getMessage();
        assertTrue(m.contains("toy.onnx") && m.contains(cache.resolve("toy.onnx").toString())
                && m.contains("$SCRFD4J_MODELS") && m.contains(server.url("toy.onnx")), m);
        assertEquals(0, server.totalHits());
    }

    @Test
    void twoFileFormatsByNameComeInEngineOrder() {
        assertEquals(List.of(cache.resolve("pair.tnnproto"), cache.resolve("pair.tnnmodel")),
                resolver(true).resolve("pair", ModelFormat.TNN).files());
        assertEquals(List.of(cache.resolve("net.param"), cache.resolve("net.bin")),
                resolver(true).resolve("net", ModelFormat.NCNN).files());
    }

    @Test
    void companionFilesFromAPath() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("local"));
        Path proto = Files.write(d.resolve("m.opt.tnnproto"), new byte[] {1});
        Path model = Files.write(d.resolve("m.opt.tnnmodel"), new byte[] {2});
        Path param = Files.write(d.resolve("n.param"), new byte[] {3});
        Path bin = Files.write(d.resolve("n.bin"), new byte[] {4});
        ModelResolver r = resolver(true);
        assertEquals(List.of(proto, model), r.resolve(model.toString(), ModelFormat.TNN).files());
        assertEquals(List.of(proto, model), r.resolve(proto.toString(), ModelFormat.TNN).files());
        assertEquals(List.of(param, bin), r.resolve(bin.toString(), ModelFormat.NCNN).files());
        assertEquals("m.opt", r.resolve(proto.toString(), ModelFormat.TNN).name());

        Files.delete(bin);
        ModelResolutionException e = failure(true, param.toString(), ModelFormat.NCNN);
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains(bin.toString()), e.getMessage());

        assertEquals(Reason.UNSUPPORTED_FORMAT, failure(true, proto.toString(), ModelFormat.NCNN).reason());
        assertEquals(0, server.totalHits());
    }

    @Test
    void missingPathIsAnErrorNeverADownload() {
        String missing = tmp.resolve("nowhere/toy.onnx").toString();
        ModelResolutionException e = failure(true, missing, ModelFormat.ONNX);
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains(missing), e.getMessage());

        // A bare manifest file name is path-like too; the error points to the model name.
        e = failure(true, "toy.onnx", ModelFormat.ONNX);
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("'toy'"), e.getMessage());
        assertEquals(0, server.totalHits());
    }

    @Test
    void unknownNameListsKnownNames() {
        ModelResolutionException e = failure(true, "scrfd_9000g", ModelFormat.ONNX);
        assertEquals(Reason.UNKNOWN_MODEL, e.reason());
        assertEquals("scrfd_9000g", e.wanted());
        for (String n : manifest.names()) {
            assertTrue(e.getMessage().contains(n), e.getMessage());
        }
    }

    @Test
    void nameWithoutThatFormat() {
        ModelResolutionException e = failure(true, "toy", ModelFormat.TNN);
        assertEquals(Reason.UNSUPPORTED_FORMAT, e.reason());
        assertTrue(e.getMessage().contains("[ONNX]"), e.getMessage());
    }

    @Test
    void statusReportsWhereAndWhetherVerified() throws IOException {
        resolver(true).resolve("toy", ModelFormat.ONNX);
        Files.write(env.resolve("pair.tnnproto"), server.proto);
        Files.write(env.resolve("net.param"), ToyServer.bytes(8, server.param.length));
        int hits = server.totalHits();

        Map<String, ModelStatus> s = resolver(true).status().stream()
                .collect(Collectors.toMap(x -> x.file().file(), Function.identity()));
        assertEquals(manifest.files().size(), s.size());
        assertEquals(Location.CACHE, s.get("toy.onnx").location());
        assertTrue(s.get("toy.onnx").verified());
        assertEquals(Location.MODELS_DIR, s.get("pair.tnnproto").location());
        assertTrue(s.get("pair.tnnproto").verified());
        assertNull(s.get("pair.tnnproto").problem());
        assertEquals(Location.MODELS_DIR, s.get("net.param").location());
        assertFalse(s.get("net.param").verified());
        assertTrue(s.get("net.param").problem().contains("checksum mismatch"), s.get("net.param").problem());
        assertEquals(Location.MISSING, s.get("pair.tnnmodel").location());
        assertFalse(s.get("pair.tnnmodel").present());
        assertEquals(hits, server.totalHits(), "status never downloads");
    }

    @Test
    void defaultCacheDirFollowsXdgOrHome() {
        Path d = ModelResolver.defaultCacheDir();
        assertEquals("scrfd4j", d.getFileName().toString());
        assertTrue(d.isAbsolute(), d.toString());
    }
}
