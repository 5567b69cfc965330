package io.github.scrfd4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scrfd4j conformance}: export, the oracle's answers pass, a spoiled answer fails with its case. */
class CliConformanceTest {
    @TempDir
    Path tmp;

    @Test
    void exportAnswerCheckAndAFailingPort() throws IOException {
        Path suite = tmp.resolve("suite");
        Path answers = tmp.resolve("answers");
        CliRunner.Result e = CliRunner.run("conformance", "export", suite.toString(), "--generated-only");
        assertEquals(0, e.exit(), e::toString);
        assertTrue(e.out().contains("generated, 0 from models and photos"), e::toString);
        CliRunner.Result a = CliRunner.run("conformance", "answer", suite.toString(), "--out", answers.toString());
        assertEquals(0, a.exit(), a::toString);
        CliRunner.Result ok = CliRunner.run("conformance", "check", suite.toString(), "--results", answers.toString());
        assertEquals(0, ok.exit(), ok::toString);
        assertTrue(ok.out().lines().anyMatch(l -> l.matches("\\d+ passed, 0 failed")), ok::toString);
        assertTrue(ok.out().contains("decode") && ok.out().contains("pre") && ok.out().contains("post"), ok::toString);

        Files.writeString(answers.resolve("post/post-lite-topk.json"), "{\"faces\": []}");
        Files.delete(answers.resolve("decode/decode-bmp.json"));
        CliRunner.Result bad = CliRunner.run("conformance", "check", suite.toString(), "--results", answers.toString(),
                "--quiet");
        assertEquals(1, bad.exit(), bad::toString);
        assertTrue(bad.out().contains("FAIL  post/post-lite-topk  [top-k keeps the k best after NMS]: missing face 0"),
                bad::toString);
        assertTrue(bad.out().contains("FAIL  decode/decode-bmp") && bad.out().contains("no answer"), bad::toString);
        assertTrue(bad.out().lines().anyMatch(l -> l.matches("\\d+ passed, 2 failed")), bad::toString);

        CliRunner.Result onlyPre = CliRunner.run("conformance", "check", suite.toString(), "--results",
                answers.toString(), "--level", "pre", "--quiet");
        assertEquals(0, onlyPre.exit(), onlyPre::toString);
        CliRunner.Result wrongLevel = CliRunner.run("conformance", "check", suite.toString(), "--results",
                answers.toString(), "--level", "network");
        assertEquals(2, wrongLevel.exit(), wrongLevel::toString);
        CliRunner.Result notASuite = CliRunner.run("conformance", "check", tmp.toString(), "--results", answers.toString());
        assertEquals(2, notASuite.exit(), notASuite::toString);
        assertTrue(notASuite.err().contains("not a conformance suite"), notASuite::toString);
    }
}
