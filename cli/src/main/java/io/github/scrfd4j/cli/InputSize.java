package io.github.scrfd4j.cli;

import io.github.scrfd4j.image.BgrImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A network input size {@code WxH}; both sides positive multiples of 32 (SCRFD's largest stride). */
record InputSize(int width, int height) {
    private static final Pattern WXH = Pattern.compile("\\s*(\\d{1,9})\\s*[xX]\\s*(\\d{1,9})\\s*");

    @Override
    public String toString() {
        return width + "x" + height;
    }

    /**
     * Parses {@code WxH}. Checked here rather than left to the detector so that a bad size is a usage
     * error (exit 2) reported before the model is loaded.
     */
    static InputSize parse(String text) {
        Matcher m = WXH.matcher(text);
        if (!m.matches()) {
            throw new TypeConversionException("expected WxH such as 640x640, but was '" + text + "'");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w <= 0 || h <= 0 || w % 32 != 0 || h % 32 != 0) {
            throw new TypeConversionException("width and height must be positive multiples of 32 (e.g. 320x320, "
                    + "640x640), but was '" + text + "'");
        }
        if (w > BgrImage.MAX_SIDE || h > BgrImage.MAX_SIDE) {
            throw new TypeConversionException("width and height must be at most " + BgrImage.MAX_SIDE
                    + ", but was '" + text + "'");
        }
        return new InputSize(w, h);
    }

    /** picocli converter. */
    static final class Converter implements ITypeConverter<InputSize> {
        @Override
        public InputSize convert(String value) {
            return parse(value);
        }
    }
}
