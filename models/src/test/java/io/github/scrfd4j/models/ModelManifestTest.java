package io.github.scrfd4j.models;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelManifestTest {

    static final String HEADER = "name\tfile\tformat\tvariant\tinput\tlandmarks\tsha256\tbytes\turl\n";
    static final String GOOD = "m\tm.onnx\tonnx\tv\tdynamic\tno\t" + "ab".repeat(32) + "\t10\thttps://example.org/m.onnx\n";
    static final String BIG = "scrfd_2.5g_bnkps_shape640x640";

    static ModelManifest parse(String text) throws Exception {
        return ModelManifest.parse(new StringReader(text), "test.tsv");
    }

    @Test
    void bundledManifestShape() {
        ModelManifest m = ModelManifest.bundled();
        assertEquals(13, m.files().size());
        assertEquals(8, m.names().size());
        assertEquals(BIG, m.names().get(0));
        assertEquals(List.of(ModelFormat.values()), m.formats(BIG));
        assertEquals(List.of(ModelFormat.ONNX), m.formats("scrfd_500m"));
        assertEquals(8, m.byFormat(ModelFormat.ONNX).size());
        assertEquals(2, m.byFormat(ModelFormat.TNN).size());
        assertEquals(List.of(BIG + ".opt.tnnproto", BIG + ".opt.tnnmodel"),
                m.files(BIG, ModelFormat.TNN).stream().map(ModelFile::file).toList());
        assertEquals(List.of(BIG + ".opt.param", BIG + ".opt.bin"),
                m.files(BIG, ModelFormat.NCNN).stream().map(ModelFile::file).toList());
        ModelFile f = m.byFile("scrfd_500m.onnx").orElseThrow();
        assertTrue(f.dynamicInput());
        assertFalse(f.landmarks());
        assertEquals("https://github.com/ppogg/onnx-scrfd-flask/raw/master/onnx/scrfd_500m.onnx", f.url().toString());
        assertEquals("https://github.com/DefTruth/scrfd.lite.ai.toolkit/raw/main/examples/hub/tnn/cv/" + BIG + ".opt.tnnmodel",
                m.files(BIG, ModelFormat.TNN).get(1).url().toString());
        for (ModelFile x : m.files()) {
            assertTrue(x.file().startsWith(x.name() + "."), x.toString());
        }
    }

    @Test
    void columnsInAnyOrderCommentsAndBlankLinesSkipped() throws Exception {
        String text = "# comment\n\nurl\tbytes\tsha256\tlandmarks\tinput\tvariant\tformat\tfile\tname\textra\n"
                + "https://e.org/x.bin\t5\t" + "0".repeat(64) + "\tyes\t320x320\tv\tncnn-bin\tx.bin\tx\t?\n";
        ModelFile f = parse(text).files().get(0);
        assertEquals(FileKind.NCNN_BIN, f.kind());
        assertEquals(ModelFormat.NCNN, f.format());
        assertEquals(5, f.bytes());
        assertEquals("320x320", f.input());
    }

    @Test
    void malformedRowsNameTheLine() {
        String[][] cases = {
            {GOOD.replace("\t10\t", "\tten\t"), "bytes"},
            {GOOD.replace("ab".repeat(32), "xyz"), "sha256"},
            {GOOD.replace("\tonnx\t", "\tpt\t"), "format"},
            {GOOD.replace("\tno\t", "\tmaybe\t"), "landmarks"},
            {GOOD.replace("dynamic", "640"), "input"},
            {GOOD.replace("https:", "ftp:"), "url"},
            {"m\tm.onnx\tonnx\n", "columns"},
            {GOOD.replace("m.onnx\t", "../m.onnx\t"), "file"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(HEADER + GOOD + c[0]), c[0]);
            assertTrue(e.getMessage().startsWith("test.tsv line 3:"), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> parse(HEADER + GOOD + GOOD));
        assertTrue(dup.getMessage().contains("line 3") && dup.getMessage().contains("duplicate"), dup.getMessage());
    }

    @Test
    void headerProblems() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(HEADER.replace("sha256\t", "") + GOOD));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("sha256"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse(""));
    }

    @Test
    void formatsAndKinds() {
        assertEquals(ModelFormat.TNN, ModelFormat.parse("tnn"));
        assertEquals(ModelFormat.NCNN, ModelFormat.ofFileName("a.opt.BIN"));
        assertEquals(null, ModelFormat.ofFileName("a.txt"));
        assertEquals(FileKind.TNN_PROTO, FileKind.parse("tnn-proto"));
        assertEquals(List.of(FileKind.TNN_PROTO, FileKind.TNN_MODEL), ModelFormat.TNN.kinds());
        assertThrows(IllegalArgumentException.class, () -> ModelFormat.parse("caffe"));
    }

    @Test
    void sha256Hex() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.of(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.of("abc".getBytes()));
    }
}
