package io.github.scrfd4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scrfd4j.detect.Box;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.Landmarks;
import io.github.scrfd4j.image.BgrImage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The CLI's small parts, without models or photos. */
class CliPartsTest {
    @Test
    @SuppressWarnings("unchecked")
    void jsonWriterEscapesAndNests() {
        String weird = "a\"b\\c\nd\te\u0001f/é";
        String doc = new JsonWriter().beginObject().name("s").value(weird).name("n").nullValue()
                .name("a").beginArray().value(1).value(-2.5f).value(Float.NaN).beginArray().endArray().endArray()
                .name("o").beginObject().endObject().endObject().toString();
        assertEquals("{\"s\":\"a\\\"b\\\\c\\nd\\te\\u0001f/é\",\"n\":null,\"a\":[1,-2.5,null,[]],\"o\":{}}", doc);
        Map<String, Object> m = (Map<String, Object>) io.github.scrfd4j.conformance.Json.parse(doc);
        assertEquals(weird, m.get("s"));
    }

    @Test
    void jsonFloatsReadBackExactly() {
        float v = 297.68414f;
        String doc = new JsonWriter().beginArray().value(v).value(1e-7f).endArray().toString();
        List<?> a = (List<?>) io.github.scrfd4j.conformance.Json.parse(doc);
        assertEquals(v, ((Double) a.get(0)).floatValue());
        assertEquals(1e-7f, ((Double) a.get(1)).floatValue());
    }

    @Test
    void inputSizeParsing() {
        assertEquals(new InputSize(640, 480), InputSize.parse("640x480"));
        assertEquals(new InputSize(320, 320), InputSize.parse(" 320X320 "));
        for (String bad : List.of("10x10", "640", "0x0", "640x-32", "axb", "640x481", "65536x32")) {
            assertThrows(TypeConversionException.class, () -> InputSize.parse(bad), bad);
        }
    }

    @Test
    void choicesParseCaseInsensitivelyAndListValidValues() {
        assertEquals(ConventionChoice.LITE, Choice.parse(ConventionChoice.class, "LITE"));
        assertEquals(ConventionChoice.INSIGHTFACE, Choice.parse(ConventionChoice.class, "insightface"));
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> Choice.parse(ConventionChoice.class, "x"));
        assertTrue(e.getMessage().contains("lite, insightface"), e.getMessage());
    }

    @Test
    void scoreLabelTruncatesLikeStdToString() {
        assertEquals("face:0.89", Annotator.label(0.8999f));
        assertEquals("face:1.00", Annotator.label(1f));
    }

    @Test
    void outputNamesAvoidInputsAndEachOther() {
        Path dir = Path.of("/tmp/out");
        OutputNames n = new OutputNames(dir, List.of(Path.of("/tmp/out/a.jpg"), Path.of("/x/b.png")));
        assertEquals(dir.resolve("a_1.jpg"), n.next(Path.of("/tmp/out/a.jpg")));
        assertEquals(dir.resolve("b.jpg"), n.next(Path.of("/x/b.png")));
        assertEquals(dir.resolve("b_1.jpg"), n.next(Path.of("/y/b.jpg")));
    }

    @Test
    void annotationDrawsCyanBoxAndGreenLandmarks() {
        BgrImage img = BgrImage.allocate(100, 80);
        float[] lm = {40, 40, 60, 40, 50, 50, 42, 60, 58, 60};
        Face face = new Face(new Box(20.7f, 25.2f, 80.9f, 70.1f), 0.9f, new Landmarks(lm));
        BufferedImage out = Annotator.draw(img, List.of(face));
        assertEquals(100, out.getWidth());
        assertEquals(80, out.getHeight());
        assertEquals(0x00FFFF, out.getRGB(20, 47) & 0xFFFFFF, "left edge");
        assertEquals(0x00FFFF, out.getRGB(50, 69) & 0xFFFFFF, "bottom edge");
        assertEquals(0x000000, out.getRGB(30, 35) & 0xFFFFFF, "inside stays untouched");
        assertEquals(0x00FF00, out.getRGB(50, 50) & 0xFFFFFF, "nose landmark");
        assertEquals(0x00FF00, out.getRGB(58, 60) & 0xFFFFFF, "mouth landmark");
        assertEquals(0, img.byteSum(), "input image modified");
    }

    @Test
    void resultLines() {
        assertEquals("a.jpg: 3 faces (12 ms)", new ImageResult(Path.of("a.jpg"), 10, 10,
                List.of(face(), face(), face()), 12.4, null).line());
        assertEquals("b.jpg: error: boom", ImageResult.failed(Path.of("b.jpg"), "boom").line());
    }

    private static Face face() {
        return new Face(new Box(0, 0, 1, 1), 0.5f, null);
    }
}
