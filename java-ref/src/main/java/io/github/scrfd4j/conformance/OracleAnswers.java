package io.github.scrfd4j.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * java-ref's own answers to a suite, written in the answer format a port writes
 * ({@code RESULTS/<level>/<case>.json}, with .npy files beside it for images and tensors). Each
 * case is read back from disk first, so this also proves the files carry everything needed.
 */
public final class OracleAnswers {
    private OracleAnswers() {
    }

    /** Answers every case of the given levels; returns how many. */
    public static int write(Suite suite, Path results, Set<String> levels) throws IOException {
        int n = 0;
        for (Suite.Entry e : suite.entries()) {
            if (!levels.contains(e.level())) {
                continue;
            }
            Path dir = results.resolve(e.level());
            Files.createDirectories(dir);
            Path caseDir = suite.dir(e);
            switch (e.level()) {
                case PostCase.LEVEL:
                    writePost(dir, e.name(), Faces.toJson(PostCase.read(caseDir).expected()));
                    break;
                case PreCase.LEVEL:
                    PreCase.writeAnswer(dir, e.name() + ".json", e.name(), PreCase.read(caseDir).expected());
                    break;
                case DecodeCase.LEVEL:
                    DecodeCase.writeAnswer(dir, e.name() + ".json", e.name(), DecodeCase.read(caseDir).expected());
                    break;
                default:
                    throw new IOException("unknown level " + e.level());
            }
            n++;
        }
        return n;
    }

    /** Writes a post-processing answer: {@code {"faces": [...]}}. */
    public static void writePost(Path levelDir, String caseName, Object facesJson) throws IOException {
        Files.createDirectories(levelDir);
        Files.writeString(levelDir.resolve(caseName + ".json"), Json.write(facesJson) + "\n");
    }
}
