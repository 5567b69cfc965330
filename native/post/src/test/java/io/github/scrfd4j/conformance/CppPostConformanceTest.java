package io.github.scrfd4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.engine.TensorInfo;
import io.github.scrfd4j.engine.ort.OrtEngine;
import io.github.scrfd4j.post.NativePostProcessor;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our C++ post-processing as a port under the conformance kit: a small driver reads every
 * lite.ai.toolkit post-processing case (generated ones, and ONNX Runtime's real outputs of the photos
 * where ../shared is present), runs {@link NativePostProcessor} and writes answers in the documented
 * format; the checker must pass them all. (The C++ port implements lite.ai.toolkit's convention only.)
 */
class CppPostConformanceTest {
    /** Where the suite is written (and kept, for a run on another architecture). */
    static final String SUITE_DIR = "scrfd4j.post.suite";
    /** true: open the suite already in {@link #SUITE_DIR} instead of making it again. */
    static final String REUSE = "scrfd4j.post.reuseSuite";
    @TempDir
    Path tmp;

    @Test
    void everyLitePostProcessingCasePasses() throws IOException {
        Suite suite;
        String real;
        Path kept = Paths.get(System.getProperty(SUITE_DIR, "target/post-conformance-suite"));
        if (Boolean.getBoolean(REUSE) && Files.isRegularFile(kept.resolve(Suite.INDEX))) {
            // under emulation ONNX Runtime is ~500x slower: take the suite an x86-64 run wrote (its
            // real outputs are inputs here; the C++ answers and the checker still run on this CPU)
            suite = Suite.open(kept);
            real = "reused from " + kept;
        } else {
            suite = Suite.create(kept, 20261202);
            GeneratedCases.addAll(suite);
            int n = 0;
            if (SharedData.root() != null) {
                List<Path> photos = new ArrayList<>();
                for (String p : SharedData.PHOTOS) {
                    photos.add(SharedData.requireImage(p));
                }
                for (String model : List.of("scrfd_2.5g_bnkps_shape640x640", "scrfd_500m_bnkps_shape160x160", "scrfd_1g")) {
                    try (OrtEngine ort = new OrtEngine(SharedData.requireModel(model + ".onnx"), 1)) {
                        n += PhotoCases.addOutputs(suite, ort, model, photos);
                    }
                }
            }
            suite.finish();
            real = n + " real ones over both conventions";
        }
        Path answers = tmp.resolve("cpp");
        int answered = 0;
        for (Suite.Entry e : suite.entries()) {
            if (!e.level().equals(PostCase.LEVEL) || !"lite".equals(e.convention())) {
                continue;
            }
            PostCase c = PostCase.read(suite.dir(e));
            List<TensorInfo> infos = c.outputs().stream().map(t -> t.info()).collect(Collectors.toList());
            OutputLayout layout = OutputLayout.infer(infos, c.letterbox().inputWidth(), c.letterbox().inputHeight());
            try (NativePostProcessor cpp = new NativePostProcessor(c.scoreThreshold(), c.iouThreshold(), c.topK())) {
                OracleAnswers.writePost(answers.resolve("post"), e.name(),
                        Faces.toJson(cpp.process(c.outputs(), layout, c.letterbox())));
            }
            answered++;
        }
        List<Checker.Result> rs = Checker.check(Suite.open(suite.root()), answers,
                e -> e.level().equals(PostCase.LEVEL) && "lite".equals(e.convention()));
        List<String> failed = rs.stream().filter(r -> !r.passed())
                .map(r -> r.entry().name() + " [" + r.entry().rule() + "]: " + r.detail()).collect(Collectors.toList());
        System.out.println("C++ post under the conformance kit: " + rs.size() + " lite post-processing cases ("
                + real + ", " + System.getProperty("os.arch") + "), " + failed.size() + " failed");
        assertEquals(answered, rs.size());
        assertTrue(rs.size() >= 20, "too few cases: " + rs.size());
        assertTrue(failed.isEmpty(), String.join("\n", failed));
        assertTrue(Files.isDirectory(answers.resolve("post")));
    }
}
