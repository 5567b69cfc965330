package io.github.scrfd4j.models;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server publishing small generated "model" files, each misbehaving in one way,
 * plus a manifest that points at them.
 */
final class ToyServer implements AutoCloseable {

    static final int SIZE = 300 * 1024;

    final byte[] toy = bytes(1, SIZE);
    final byte[] proto = bytes(2, 5_000);
    final byte[] model = bytes(3, 200_000);
    final byte[] param = bytes(4, 4_000);
    final byte[] bin = bytes(5, 100_000);

    private final HttpServer server;
    private final ExecutorService pool;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final int closedPort;

    ToyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "toy-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
    }

    /** Deterministic pseudo-random bytes (xorshift), different per seed. */
    static byte[] bytes(int seed, int n) {
        byte[] b = new byte[n];
        long x = 0x9E3779B97F4A7C15L * seed;
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            b[i] = (byte) x;
        }
        return b;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        try {
            switch (path) {
                case "/toy.onnx" -> send(ex, toy, toy.length);
                case "/proto.tnnproto" -> send(ex, proto, proto.length);
                case "/model.tnnmodel" -> send(ex, model, model.length);
                case "/net.param" -> send(ex, param, param.length);
                case "/net.bin" -> send(ex, bin, bin.length);
                case "/corrupt.onnx" -> {
                    byte[] bad = toy.clone();
                    bad[SIZE / 2] ^= 1;
                    send(ex, bad, bad.length);
                }
                // Declares the full length, sends half, then closes the connection.
                case "/short.onnx" -> send(ex, toy, SIZE / 2, SIZE);
                case "/slow.onnx" -> {
                    ex.sendResponseHeaders(200, SIZE);
                    ex.getResponseBody().write(toy, 0, 1000);
                    ex.getResponseBody().flush();
                    release.await(10, TimeUnit.SECONDS);
                }
                default -> {
                    byte[] msg = "not here".getBytes(StandardCharsets.US_ASCII);
                    ex.sendResponseHeaders(404, msg.length);
                    ex.getResponseBody().write(msg);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException expected) {
            // short.onnx: closing an exchange with bytes still owed throws; the client sees the cut.
        } finally {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, byte[] data, int declared) throws IOException {
        send(ex, data, data.length, declared);
    }

    private static void send(HttpExchange ex, byte[] data, int sent, int declared) throws IOException {
        ex.sendResponseHeaders(200, declared);
        OutputStream out = ex.getResponseBody();
        out.write(data, 0, sent);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    int hits(String path) {
        AtomicInteger n = hits.get("/" + path);
        return n == null ? 0 : n.get();
    }

    int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Writes a manifest describing the served files; returns its path. */
    Path writeManifest(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("name\tfile\tformat\tvariant\tinput\tlandmarks\tsha256\tbytes\turl\n");
        row(sb, "toy", "toy.onnx", "onnx", toy, url("toy.onnx"));
        row(sb, "corrupt", "corrupt.onnx", "onnx", toy, url("corrupt.onnx"));
        row(sb, "short", "short.onnx", "onnx", toy, url("short.onnx"));
        row(sb, "gone", "gone.onnx", "onnx", toy, url("gone.onnx"));
        row(sb, "slow", "slow.onnx", "onnx", toy, url("slow.onnx"));
        row(sb, "refused", "refused.onnx", "onnx", toy, "http://127.0.0.1:" + closedPort + "/refused.onnx");
        row(sb, "pair", "pair.tnnproto", "tnn-proto", proto, url("proto.tnnproto"));
        row(sb, "pair", "pair.tnnmodel", "tnn-model", model, url("model.tnnmodel"));
        row(sb, "net", "net.param", "ncnn-param", param, url("net.param"));
        row(sb, "net", "net.bin", "ncnn-bin", bin, url("net.bin"));
        Path p = dir.resolve("toy-manifest.tsv");
        Files.writeString(p, sb.toString());
        return p;
    }

    private static void row(StringBuilder sb, String name, String file, String kind, byte[] data, String url) {
        sb.append(String.join("\t", name, file, kind, "toy", "64x64", "yes", Sha256.of(data),
                Integer.toString(data.length), url)).append('\n');
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
