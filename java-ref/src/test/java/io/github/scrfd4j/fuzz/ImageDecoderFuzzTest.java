package io.github.scrfd4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.ImageDecodeException;
import io.github.scrfd4j.image.ImageDecoder;

/**
 * Coverage-guided fuzzing of the pure-Java decoder (JPEG, PNG, BMP bytes). The only exception the API
 * documents for bad bytes is {@link ImageDecodeException}; anything else that escapes (including an
 * {@code OutOfMemoryError} or a hang, which Jazzer reports) is a finding. In a normal build this runs in
 * Jazzer's regression mode: every input under {@code ImageDecoderFuzzTestInputs/decode} (seeds and past
 * findings) once. {@code JAZZER_FUZZ=1 mvn -pl java-ref test -Djunit.version=5.11.4 -Dtest=ImageDecoderFuzzTest} fuzzes
 * for an hour (README).
 */
class ImageDecoderFuzzTest {
    /** 4 megapixels: larger declared images must be refused before anything is allocated. */
    static final long MAX_PIXELS = 4_000_000L;

    @FuzzTest(maxDuration = "1h")
    void decode(byte[] data) {
        BgrImage img;
        try {
            img = ImageDecoder.decode(data, "fuzz input", MAX_PIXELS);
        } catch (ImageDecodeException expected) {
            return;
        }
        long pixels = (long) img.width() * img.height();
        if (img.width() <= 0 || img.height() <= 0 || pixels > MAX_PIXELS) {
            throw new AssertionError("decoded an impossible size: " + img.width() + "x" + img.height());
        }
    }
}
