package io.github.scrfd4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.testsupport.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scrfd4j models}, {@code --help} and {@code --version}. */
class CliModelsTest {
    @Test
    void listsSharedModelsAsPresentAndVerified() {
        Path dir = SharedData.requireModel(CliDetectTest.MODEL).getParent();
        CliRunner.Result r = CliRunner.run("models", "--models-dir", dir.toString());
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).contains(dir.toString()) && lines.get(0).contains("--models-dir"),
                r::toString);
        String header = lines.stream().filter(l -> l.startsWith("NAME")).findFirst().orElseThrow();
        assertTrue(header.matches("NAME +FORMAT +FILE +SIZE +PRESENT +VERIFIED +PROBLEM"), header);
        for (String file : List.of("scrfd_2.5g_bnkps_shape640x640.onnx", "scrfd_2.5g_bnkps_shape640x640.mnn",
                "scrfd_2.5g_bnkps_shape640x640.opt.tnnproto", "scrfd_500m.onnx",
                "scrfd_2.5g_bnkps_shape320x320.onnx")) {
            String row = lines.stream().filter(l -> l.contains(" " + file + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(file + " not listed\n" + r));
            assertTrue(row.matches(".*\\smodels-dir\\s+yes\\s*$"), row);
        }
    }

    @Test
    void emptyModelsDirListsNothingThere(@TempDir Path tmp) {
        CliRunner.Result r = CliRunner.run("models", "--models-dir", tmp.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("scrfd_500m.onnx"), r::toString);
        assertTrue(r.outLines().stream().noneMatch(l -> l.contains(" models-dir ")), r::toString);
    }

    @Test
    void helpDocumentsOptionsAndExitCodes() {
        CliRunner.Result top = CliRunner.run("--help");
        assertEquals(0, top.exit(), top::toString);
        assertTrue(top.out().contains("detect") && top.out().contains("models") && top.out().contains("Exit codes"),
                top::toString);
        CliRunner.Result detect = CliRunner.run("detect", "--help");
        assertEquals(0, detect.exit(), detect::toString);
        for (String s : List.of("--model", "--engine", "--score", "--iou", "--topk", "--size", "--convention",
                "--threads", "--out", "--json", "--models-dir", "--no-download", "Inference engine: auto",
                "3   the model could not be resolved")) {
            assertTrue(detect.out().contains(s), s + "\n" + detect);
        }
        assertEquals(0, CliRunner.run("help", "models").exit());
    }

    @Test
    void versionPrintsSomething() {
        CliRunner.Result r = CliRunner.run("--version");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("scrfd4j "), r::toString);
    }
}
