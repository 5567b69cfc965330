package io.github.scrfd4j.engine.tnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java check in front of TNN's proto parser. Runs without TNN: before it, protos cut short by
 * 30 bytes to 6 KB killed the JVM inside TNN (SIGSEGV), measured with the CLI on the shared model.
 */
class TnnProtoTest {
    private static byte[] shared() throws IOException {
        return Files.readAllBytes(SharedData.requireModel("scrfd_2.5g_bnkps_shape640x640.opt.tnnproto"));
    }

    private static String error(byte[] proto) {
        return assertThrows(EngineException.class, () -> TnnProto.parse(proto, "t.tnnproto")).getMessage();
    }

    @Test
    void theSharedProtoParses() throws IOException {
        TnnProto p = TnnProto.parse(shared(), "shared");
        assertEquals(List.of("input.1"), p.inputs());
        assertEquals(9, p.outputs().size());
        assertEquals(139, p.layers());
    }

    @Test
    void everyTruncationIsRefused() throws IOException {
        byte[] full = shared();
        // cutting only the final newline leaves a whole proto; every longer cut must be refused
        TnnProto.parse(Arrays.copyOf(full, full.length - 1), "t.tnnproto");
        for (int cut = 2; cut < full.length; cut++) {
            error(Arrays.copyOf(full, full.length - cut));
        }
    }

    @Test
    void missingLayerLinesUnknownBlobsAndTextAreRefused() throws IOException {
        String text = new String(shared(), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        String fewer = String.join("\n", Arrays.copyOf(lines, lines.length - 3)) + "\n";
        assertTrue(error(fewer.getBytes(StandardCharsets.UTF_8)).contains("declares 139 layers but has 136"));
        String unknown = text.replace("\"Sigmoid Sigmoid_193 1 1 529 ", "\"Sigmoid Sigmoid_193 1 1 999 ");
        assertTrue(error(unknown.getBytes(StandardCharsets.UTF_8)).contains("reads blob '999'"));
        assertTrue(error("just some text\n".getBytes(StandardCharsets.UTF_8)).contains("not a quoted proto line"));
        assertTrue(error(text.replace("\" 139 ,\"", "\" 140 ,\"").getBytes(StandardCharsets.UTF_8))
                .contains("declares 140 layers but has 139"));
    }
}
