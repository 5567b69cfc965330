package io.github.scrfd4j.models;

import io.github.scrfd4j.models.ModelResolutionException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads through the resolver against a loopback server; nothing here touches the internet. */
class DownloaderTest {

    static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path tmp;
    ToyServer server;
    ModelManifest manifest;
    Path cache;
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = new ToyServer();
        manifest = ModelManifest.load(server.writeManifest(tmp));
        cache = tmp.resolve("cache");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ModelResolver resolver(Downloader.Progress mode) {
        Downloader d = new Downloader(TIMEOUT, TIMEOUT, new PrintStream(progress, true, StandardCharsets.UTF_8), mode);
        return new ModelResolver(manifest, null, cache, true, d);
    }

    ModelResolutionException failure(String name) {
        return assertThrows(ModelResolutionException.class, () -> resolver(Downloader.Progress.NEVER).resolve(name, ModelFormat.ONNX));
    }

    List<String> cacheListing() throws IOException {
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    void assertManualHint(ModelResolutionException e, String file) {
        String m = e.getMessage();
        assertTrue(m.contains(file), m);
        assertTrue(m.contains(cache.resolve(file).toString()), m);
        assertTrue(m.contains("$SCRFD4J_MODELS"), m);
        assertTrue(m.contains(server.url("")), m);
    }

    @Test
    void goodDownloadLandsVerifiedInCacheWithNoTempFiles() throws IOException {
        ResolvedModel m = resolver(Downloader.Progress.NEVER).resolve("toy", ModelFormat.ONNX);
        assertEquals(List.of(cache.resolve("toy.onnx")), m.files());
        assertArrayEquals(server.toy, Files.readAllBytes(m.primary()));
        assertEquals(Sha256.of(server.toy), Sha256.of(m.primary()));
        assertEquals(List.of("toy.onnx"), cacheListing());
        assertEquals(0, progress.size(), "NEVER must not draw a bar");

        resolver(Downloader.Progress.NEVER).resolve("toy", ModelFormat.ONNX);
        assertEquals(1, server.hits("toy.onnx"), "second resolve must use the cache");
    }

    @Test
    void progressBarWhenAsked() {
        resolver(Downloader.Progress.ALWAYS).resolve("toy", ModelFormat.ONNX);
        String out = progress.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("toy.onnx") && out.contains("100%") && out.contains("\r"), out);
    }

    @Test
    void corruptedContentIsRejectedAndNotKept() throws IOException {
        ModelResolutionException e = failure("corrupt");
        assertEquals(Reason.CHECKSUM_MISMATCH, e.reason());
        String m = e.getMessage();
        assertTrue(m.contains("checksum mismatch"), m);
        assertTrue(m.contains(Sha256.of(server.toy)), "expected hash: " + m);
        byte[] bad = server.toy.clone();
        bad[ToyServer.SIZE / 2] ^= 1;
        assertTrue(m.contains(Sha256.of(bad)), "actual hash: " + m);
        assertManualHint(e, "corrupt.onnx");
        assertEquals(List.of(), cacheListing());
    }

    @Test
    void truncatedDownload() throws IOException {
        ModelResolutionException e = failure("short");
        assertEquals(Reason.TRUNCATED, e.reason());
        assertTrue(e.getMessage().contains("truncated: got " + ToyServer.SIZE / 2 + " of " + ToyServer.SIZE + " bytes"),
                e.getMessage());
        assertManualHint(e, "short.onnx");
        assertEquals(List.of(), cacheListing());
    }

    @Test
    void http404() throws IOException {
        ModelResolutionException e = failure("gone");
        assertEquals(Reason.HTTP_STATUS, e.reason());
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertManualHint(e, "gone.onnx");
        assertEquals(List.of(), cacheListing());
    }

    @Test
    void slowServerTimesOutQuickly() throws IOException {
        long t0 = System.nanoTime();
        ModelResolutionException e = failure("slow");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Reason.TIMEOUT, e.reason());
        assertTrue(e.getMessage().contains("timeout") && e.getMessage().contains("500 ms"), e.getMessage());
        assertTrue(ms < 5_000, "took " + ms + " ms");
        assertManualHint(e, "slow.onnx");
        assertEquals(List.of(), cacheListing());
    }

    @Test
    void connectionRefused() throws IOException {
        ModelResolutionException e = failure("refused");
        assertEquals(Reason.UNREACHABLE, e.reason());
        assertTrue(e.getMessage().contains("network unreachable"), e.getMessage());
        assertTrue(e.getMessage().contains("refused.onnx"), e.getMessage());
        assertEquals(List.of(), cacheListing());
    }

    @Test
    void badCachedCopyIsReplacedByDownload() throws IOException {
        Files.createDirectories(cache);
        Files.write(cache.resolve("toy.onnx"), ToyServer.bytes(9, ToyServer.SIZE));
        Path p = resolver(Downloader.Progress.NEVER).resolve("toy", ModelFormat.ONNX).primary();
        assertArrayEquals(server.toy, Files.readAllBytes(p));
        assertEquals(1, server.hits("toy.onnx"));
        assertEquals(List.of("toy.onnx"), cacheListing());
    }
}
