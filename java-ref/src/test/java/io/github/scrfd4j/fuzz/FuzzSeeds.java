package io.github.scrfd4j.fuzz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes the seed corpus of {@link ImageDecoderFuzzTest} (tiny images of every format and colour type
 * the decoder reads, and truncated copies) into the test resources. Run once by hand:
 * {@code java -cp java-ref/target/test-classes io.github.scrfd4j.fuzz.FuzzSeeds java-ref/src/test/resources}.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args[0], "io/github/scrfd4j/fuzz/ImageDecoderFuzzTestInputs/decode");
        Files.createDirectories(dir);
        Random rnd = new Random(20261203);
        int[][] types = {
            {BufferedImage.TYPE_3BYTE_BGR, 0}, {BufferedImage.TYPE_BYTE_GRAY, 1}, {BufferedImage.TYPE_INT_ARGB, 2},
            {BufferedImage.TYPE_BYTE_INDEXED, 3}, {BufferedImage.TYPE_USHORT_GRAY, 4},
        };
        for (int[] t : types) {
            BufferedImage img = new BufferedImage(7 + t[1], 5, t[0]);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, rnd.nextInt());
                }
            }
            for (String format : new String[] {"png", "jpeg", "bmp"}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (!ImageIO.write(img, format, out)) {
                    continue; // no writer for this colour type in this format
                }
                byte[] bytes = out.toByteArray();
                String name = format + "-type" + t[1];
                Files.write(dir.resolve(name), bytes);
                Files.write(dir.resolve(name + "-cut"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
            }
        }
    }
}
