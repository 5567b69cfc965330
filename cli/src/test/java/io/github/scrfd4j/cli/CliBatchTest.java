package io.github.scrfd4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scrfd4j.engine.EngineAvailability;
import io.github.scrfd4j.engine.EngineProviders;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pipelined batch ({@code --workers N}) prints and writes exactly what the one-at-a-time run
 * ({@code --workers 0}) does, for every engine and both decoders: the same faces, in the same order,
 * the same JSON, the same errors in the same places.
 */
class CliBatchTest {
    @TempDir
    Path dir;

    private List<String> inputs() throws IOException {
        Path corrupt = dir.resolve("corrupt.jpg");
        byte[] photo = Files.readAllBytes(SharedData.requireImage("12.jpg"));
        Files.write(corrupt, java.util.Arrays.copyOf(photo, photo.length / 2));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        List<String> in = new ArrayList<>();
        in.add(SharedData.requireRoot().resolve("testdata/images").toString());
        in.add(corrupt.toString());
        in.add(SharedData.requireImage("4.jpg").toString());
        in.add(empty.toString());
        in.add(dir.resolve("missing.png").toString());
        in.add(SharedData.requireImage("6.jpg").toString());
        return in;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ort, scrfd_2.5g_bnkps_shape640x640.onnx", "mnn, scrfd_2.5g_bnkps_shape640x640.mnn",
        "tnn, scrfd_2.5g_bnkps_shape640x640.opt.tnnproto", "ncnn, scrfd_2.5g_bnkps_shape640x640.opt.param"})
    void pipelinedOutputIsTheSequentialOutput(String engine, String modelFile) throws IOException {
        EngineAvailability a = EngineProviders.load().byName(engine).orElseThrow().availability();
        assumeTrue(a.usable(), () -> "skipped: " + a.detail());
        String model = SharedData.requireModel(modelFile).toString();
        List<String> in = inputs();
        Run sequential = run(in, model, engine, "0", "java");
        assertEquals(1, sequential.result.exit(), "bad inputs make exit 1\n" + sequential.result);
        assertEquals(9, sequential.result.faces("4.jpg"), sequential.result::toString);
        assertEquals(3, sequential.result.errorLines().size(), sequential.result::toString);
        for (String decoder : List.of("java", "opencv")) {
            for (String workers : List.of("1:1", "2:1", "1:2", "3:3")) {
                Run batch = run(in, model, engine, workers, decoder);
                String what = engine + ", " + decoder + " decoder, workers:streams " + workers;
                assertEquals(sequential.result.exit(), batch.result.exit(), what + "\n" + batch.result);
                assertEquals(sequential.lines(), batch.lines(), what);
                assertEquals(sequential.json, batch.json, what + ": JSON");
            }
        }
    }

    @Test
    void workersAndDecoderAreValidated() {
        CliRunner.Result r = CliRunner.run("detect", "x.jpg", "--workers", "-1");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--workers"), r::toString);
        r = CliRunner.run("detect", "x.jpg", "--streams", "0");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--streams"), r::toString);
        r = CliRunner.run("detect", "x.jpg", "--decoder", "gif");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("unknown decoder gif") && r.err().contains("opencv"), r::toString);
    }

    private record Run(CliRunner.Result result, String json) {
        /** The printed lines without the timings. */
        List<String> lines() {
            List<String> out = new ArrayList<>();
            for (String l : result.outLines()) {
                out.add(l.replaceAll(" \\(\\d+ ms\\)$", "").replaceAll(" in \\d+ ms \\(.*$", ""));
            }
            return out;
        }
    }

    private Run run(List<String> inputs, String model, String engine, String workers, String decoder)
            throws IOException {
        Path json = dir.resolve("out-" + engine + "-" + workers.replace(':', '-') + "-" + decoder + ".json");
        List<String> args = new ArrayList<>(List.of("detect"));
        args.addAll(inputs);
        String[] ws = (workers + ":1").split(":");
        args.addAll(List.of("--model", model, "--engine", engine, "--workers", ws[0], "--streams", ws[1], "--decoder",
                decoder, "--json", json.toString(), "--no-progress"));
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        return new Run(r, Files.readString(json));
    }
}
