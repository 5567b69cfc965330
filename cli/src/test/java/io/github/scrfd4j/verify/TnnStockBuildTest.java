package io.github.scrfd4j.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scrfd4j.engine.ChildProcess;
import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.EngineProviders;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code verify-engine} against a real miscompiled runtime, not a simulated one: a TNN built with its
 * stock x86 flags ({@code -ffast-math} for the x86 kernels, OpenMP on, as TNN's
 * {@code scripts/build_linux_native.sh} does). There GCC turns the two divisions of the nearest
 * upsample scale into one vectorised reciprocal ({@code vrcpps} and a Newton step), 20/40 becomes
 * 0.49999997 and both FPN upsamples shift by a pixel. The check must fail on the X86 device and name
 * the outputs, and pass on {@code NAIVE} with the same library.
 *
 * <p>The stock library is found through {@code -Dscrfd.tnn.stock=DIR}, {@code $TNN_STOCK_HOME} or
 * {@code /opt/tnn-stock} ({@code DIR/lib/libTNN.so.0}); each run is a child JVM with
 * {@code LD_LIBRARY_PATH=DIR/lib}, which the dynamic loader prefers over our JNI library's RUNPATH.
 * The child prints which {@code libTNN.so} it loaded, so the test cannot pass on the wrong one.
 */
class TnnStockBuildTest {
    private static final String PROTO = "scrfd_2.5g_bnkps_shape640x640.opt.tnnproto";
    private static final int EXIT_OK = 0;
    private static final int EXIT_DIVERGES = 4;
    private static final Pattern ROW = Pattern.compile("^(\\S+)\\s+(score|box|landmark)\\s+(\\S+)\\s+(\\S+)\\s+\\S+\\s+(ok|DIVERGES)\\b.*");

    static Optional<Path> stockHome() {
        List<String> candidates = new ArrayList<>();
        String prop = System.getProperty("scrfd.tnn.stock", "");
        if (!prop.isBlank()) {
            candidates.add(prop);
        }
        String env = System.getenv("TNN_STOCK_HOME");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.add("/opt/tnn-stock");
        for (String c : candidates) {
            Path dir = Paths.get(c);
            // libTNN.so.0 is the SONAME our JNI library asks the loader for
            if (Files.isRegularFile(dir.resolve("lib/libTNN.so.0"))) {
                try {
                    return Optional.of(dir.toRealPath()); // /proc/self/maps shows resolved paths
                } catch (IOException e) {
                    return Optional.of(dir.toAbsolutePath().normalize());
                }
            }
        }
        return Optional.empty();
    }

    record Run(int exit, String out) {
        List<String> diverging() {
            for (String line : out.split("\\R")) {
                if (line.startsWith("DIVERGES: ")) {
                    return List.of(line.substring("DIVERGES: ".length()).split(",\\s*"));
                }
            }
            return List.of();
        }

        /** Number of output rows in the table. */
        int rows() {
            int n = 0;
            for (String line : out.split("\\R")) {
                n += ROW.matcher(line).matches() ? 1 : 0;
            }
            return n;
        }

        /** Outputs whose table row says DIVERGES. */
        List<String> rowsDiverging() {
            List<String> names = new ArrayList<>();
            for (String line : out.split("\\R")) {
                Matcher m = ROW.matcher(line);
                if (m.matches() && m.group(5).equals("DIVERGES")) {
                    names.add(m.group(1));
                }
            }
            return names;
        }
    }

    private static Run verifyEngine(Path stock, String device) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.github.scrfd4j.cli.Main", "verify-engine", "--engine", "tnn",
                "--device", device, "--no-download",
                "--model", SharedData.requireModel(PROTO).toString(),
                "--reference", SharedData.requireModel("scrfd_2.5g_bnkps_shape640x640.onnx").toString(),
                "--images", SharedData.requireRoot().resolve("testdata/images").toString());
        String old = System.getenv("LD_LIBRARY_PATH");
        String path = stock.resolve("lib") + (old == null || old.isEmpty() ? "" : ":" + old);
        ChildProcess.Result r = ChildProcess.run(cmd, Map.of("LD_LIBRARY_PATH", path), Duration.ofMinutes(10));
        System.out.println("--- verify-engine --engine tnn --device " + device + " with " + stock + "/lib\n" + r.out());
        assertFalse(r.timedOut(), "verify-engine did not end in 10 minutes and was killed:\n" + r.out());
        return new Run(r.exit(), r.out());
    }

    @Test
    void stockFastMathBuildFailsOnX86AndPassesOnNaive() throws Exception {
        EngineAvailability tnn = EngineProviders.load().byName("tnn").orElseThrow().availability();
        assumeTrue(tnn.usable(), () -> "skipped: " + tnn.detail());
        Optional<Path> stock = stockHome();
        assumeTrue(stock.isPresent(), "skipped: no stock (-ffast-math) TNN build: set -Dscrfd.tnn.stock or"
                + " TNN_STOCK_HOME to a prefix with lib/libTNN.so.0 built by TNN's scripts/build_linux_native.sh");
        Path lib = stock.get().resolve("lib");

        Run x86 = verifyEngine(stock.get(), "x86");
        assertTrue(x86.out().contains("runtime:   " + lib + "/libTNN.so"), "the child did not load " + lib + ":\n" + x86.out());
        assertEquals(EXIT_DIVERGES, x86.exit(), "verify-engine should fail on the -ffast-math X86 kernels:\n" + x86.out());
        assertEquals(9, x86.rows(), "one table row per output:\n" + x86.out());
        assertFalse(x86.diverging().isEmpty(), x86.out());
        assertEquals(x86.rowsDiverging(), x86.diverging(), "the summary names exactly the rows marked DIVERGES");
        assertTrue(x86.diverging().stream().allMatch(n -> n.matches("(score|bbox|kps)_(8|16|32)")), x86.diverging().toString());

        Run naive = verifyEngine(stock.get(), "naive");
        assertTrue(naive.out().contains("runtime:   " + lib + "/libTNN.so"), naive.out());
        assertEquals(EXIT_OK, naive.exit(), "NAIVE has no -ffast-math kernels and should pass:\n" + naive.out());
        assertEquals(9, naive.rows(), "one table row per output:\n" + naive.out());
        assertTrue(naive.rowsDiverging().isEmpty(), naive.out());
    }
}
