package io.github.scrfd4j.conformance;

import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Level 3, decoding: encoded JPEG/PNG/BMP bytes in; the BGR pixels {@code cv::imread} gives (EXIF
 * orientation applied, no ICC conversion), uint8 {@code [H, W, 3]}, out.
 */
public record DecodeCase(String name, String rule, String description, String fileName, byte[] encoded) {
    public static final String LEVEL = "decode";

    public BgrImage expected() {
        return ImageDecoder.decode(encoded, fileName);
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> m = Cases.header(LEVEL, name, rule, description);
        m.put("file", fileName);
        Files.write(dir.resolve(fileName), encoded);
        Files.writeString(dir.resolve(Cases.CASE_FILE), Json.write(m) + "\n");
        writeAnswer(dir, Cases.EXPECTED_FILE, "expected", expected());
    }

    static void writeAnswer(Path dir, String json, String prefix, BgrImage img) throws IOException {
        Npy.writeBytes(dir.resolve(prefix + "_pixels.npy"), PreCase.imageShape(img), img.toPackedBgr());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("pixels", prefix + "_pixels.npy");
        Files.writeString(dir.resolve(json), Json.write(a) + "\n");
    }

    public static DecodeCase read(Path dir) throws IOException {
        Map<String, Object> m = Cases.readCase(dir, LEVEL);
        String file = (String) m.get("file");
        return new DecodeCase((String) m.get("name"), (String) m.get("rule"), (String) m.get("description"), file,
                Files.readAllBytes(dir.resolve(file)));
    }
}
