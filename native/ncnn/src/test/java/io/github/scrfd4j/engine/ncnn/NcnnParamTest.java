package io.github.scrfd4j.engine.ncnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.testsupport.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java check of .param files that stands between a malformed file and ncnn's unchecked loader. */
class NcnnParamTest {
    private static final String TINY = "7767517\n3 3\n"
            + "Input            in      0 1 data 0=8 1=4 2=3\n"
            + "Convolution      conv    1 1 data c 0=2 1=1 6=6\n"
            + "Sigmoid          sig     1 1 c out\n";

    private static NcnnParam parse(String text) {
        return NcnnParam.parse(text.getBytes(StandardCharsets.UTF_8), "test.param");
    }

    private static String error(String text) {
        return assertThrows(EngineException.class, () -> parse(text)).getMessage();
    }

    @Test
    void theSharedModelParses() throws IOException {
        byte[] b = Files.readAllBytes(SharedData.requireModel("scrfd_2.5g_bnkps_shape640x640.opt.param"));
        NcnnParam p = NcnnParam.parse(b, "shared");
        assertEquals(138, p.layers());
        assertEquals(163, p.blobs());
        assertEquals(List.of("input.1"), p.inputs());
        // no size on its Input layer; its two Interp layers fix 40x40 and 80x80, so 8 x 80
        assertArrayEquals(new int[] {640, 640}, p.fixedInput().orElseThrow());
    }

    @Test
    void aSmallValidFileAndItsInputSize() {
        NcnnParam p = parse(TINY);
        assertEquals(List.of("data"), p.inputs());
        assertArrayEquals(new int[] {8, 4}, p.fixedInput().orElseThrow());
        assertTrue(parse(TINY.replace(" 0=8 1=4 2=3", "")).fixedInput().isEmpty());
        parse(TINY.replace("6=6", "6=6 -23303=2,1.5,2e-3"));
    }

    @Test
    void aTextFileIsNotAParam() {
        assertTrue(error("hello world\nthis is text\n").contains("magic number 7767517"));
        assertTrue(error("").contains("magic number"));
        assertTrue(error("7767517\n").contains("layer count"));
    }

    @Test
    void blobsBeyondTheDeclaredCountAreRefused() {
        // ncnn would write the third blob past its array of two
        String m = error(TINY.replace("3 3\n", "3 2\n"));
        assertTrue(m.contains("more blobs than the declared 2"), m);
    }

    @Test
    void aBottomNoLayerProducedIsRefused() {
        String m = error(TINY.replace("1 1 c out", "1 1 nowhere out"));
        assertTrue(m.contains("'nowhere'") && m.contains("line 5"), m);
    }

    @Test
    void countsAndTruncationAreChecked() {
        assertTrue(error(TINY.substring(0, TINY.lastIndexOf("Sigmoid"))).contains("declares 3 layers but has 2"));
        assertTrue(error(TINY + "ReLU r 1 1 out out2\n").contains("has more"));
        assertTrue(error(TINY.replace("3 3\n", "-1 3\n")).contains("layer count -1"));
        assertTrue(error(TINY.replace("1 1 c out", "1 2 c out")).contains("names fewer blobs"));
        assertTrue(error(TINY.replace("1 1 data c", "1 1 data data")).contains("produced twice"));
        assertTrue(error(TINY.replace("Input            in      0 1 data", "Input in 1 1 data")).contains("reads blob"));
    }

    @Test
    void parametersAreNumbersWithinNcnnsIds() {
        assertTrue(error(TINY.replace("6=6", "40=6")).contains("out of ncnn's range"));
        assertTrue(error(TINY.replace("6=6", "6=abc")).contains("not a number"));
        assertTrue(error(TINY.replace("6=6", "6")).contains("not id=value"));
        assertTrue(error(TINY.replace("6=6", "-23306=3,1,2")).contains("declares 3 values but has 2"));
        assertTrue(error(TINY.replace("6=6", "6=nan")).contains("not a number"));
    }

    @Test
    void onlyWhatNcnnAndJavaTokenizeAlikeIsAccepted() {
        // ncnn's %s and %15[^,\n ] split tabs, lone CRs and multi-byte text differently from Java
        assertTrue(error(TINY.replace("6=6", "6=6\t7=1")).contains("not printable ASCII"));
        assertTrue(error(TINY.replace("Sigmoid          sig", "Sigmoid\rsig")).contains("not printable ASCII"));
        assertTrue(error(TINY.replace("sig ", "\u4e2d\u6587 ")).contains("not printable ASCII"));
        parse(TINY.replace("\n", "\r\n"));
        assertTrue(error(TINY.replace("6=6", "6=6.000000000000001")).contains("longer than 15"));
    }

    @Test
    void valuesNcnnDividesByAreRefused() {
        assertTrue(error(TINY.replace("0=2 1=1 6=6", "0=0 1=1 6=6")).contains("positive num_output"));
        assertTrue(error(TINY.replace("0=2 1=1 6=6", "0=2 6=6")).contains("positive kernel_w"));
        assertTrue(error(TINY.replace("0=2 1=1 6=6", "0=2 1=1 3=0 6=6")).contains("parameter 3"));
        assertTrue(error(TINY.replace("0=2 1=1 6=6", "0=3 1=1 6=6 7=2")).contains("not divisible"));
        assertTrue(error(TINY.replace("1 1 c out", "1 0 c")).contains("top count 0"));
        assertTrue(error(TINY.replace("6=6", "6=6 -23330=1,0")).contains("out of ncnn's range"));
    }

    @Test
    void binaryContentIsRefused() {
        assertTrue(error("7767517\n1 1\nInput in 0 1 data\u0000\n").contains("NUL"));
    }
}
