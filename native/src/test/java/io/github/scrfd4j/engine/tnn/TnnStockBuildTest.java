package io.github.scrfd4j.engine.tnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * {@code /opt/tnn-stock} ({@code DIR/lib/libTNN.so}); each run is a child JVM with
 * {@code LD_LIBRARY_PATH=DIR/lib}, which the dynamic loader prefers over our JNI library's RUNPATH.
 * The child prints which {@code libTNN.so} it loaded, so the test cannot pass on the wrong one.
 */
class TnnStockBuildTest {
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
            if (Files.isRegularFile(dir.resolve("lib/libTNN.so"))) {
                return Optional.of(dir.toAbsolutePath().normalize());
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
                "--model", SharedData.requireModel(TnnEngineTest.PROTO).toString(),
                "--reference", SharedData.requireModel("scrfd_2.5g_bnkps_shape640x640.onnx").toString(),
                "--images", SharedData.requireRoot().resolve("testdata/images").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        String old = System.getenv("LD_LIBRARY_PATH");
        pb.environment().put("LD_LIBRARY_PATH", stock.resolve("lib") + (old == null ? "" : ":" + old));
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "verify-engine did not end");
        String out = new String(bytes, StandardCharsets.UTF_8);
        System.out.println("--- verify-engine --engine tnn --device " + device + " with " + stock + "/lib\n" + out);
        return new Run(p.exitValue(), out);
    }

    @Test
    void stockFastMathBuildFailsOnX86AndPassesOnNaive() throws Exception {
        TnnEngineTest.requireTnn();
        Optional<Path> stock = stockHome();
        assumeTrue(stock.isPresent(), "skipped: no stock (-ffast-math) TNN build: set -Dscrfd.tnn.stock or"
                + " TNN_STOCK_HOME to a prefix with lib/libTNN.so built by TNN's scripts/build_linux_native.sh");
        Path lib = stock.get().resolve("lib");

        Run x86 = verifyEngine(stock.get(), "x86");
        assertTrue(x86.out().contains("runtime:   " + lib + "/libTNN.so"), "the child did not load " + lib + ":\n" + x86.out());
        assertEquals(EXIT_DIVERGES, x86.exit(), "verify-engine should fail on the -ffast-math X86 kernels:\n" + x86.out());
        assertFalse(x86.diverging().isEmpty(), x86.out());
        assertEquals(x86.rowsDiverging(), x86.diverging(), "the summary names exactly the rows marked DIVERGES");
        assertTrue(x86.diverging().stream().allMatch(n -> n.matches("(score|bbox|kps)_(8|16|32)")), x86.diverging().toString());

        Run naive = verifyEngine(stock.get(), "naive");
        assertTrue(naive.out().contains("runtime:   " + lib + "/libTNN.so"), naive.out());
        assertEquals(EXIT_OK, naive.exit(), "NAIVE has no -ffast-math kernels and should pass:\n" + naive.out());
        assertTrue(naive.rowsDiverging().isEmpty(), naive.out());
    }
}
