package io.github.scrfd4j.image;

import java.util.Arrays;

/** Resizes an image into a zero-padded network-input canvas, following a {@link LetterboxStyle}. */
public final class Letterbox {
    private final LinearResize resize;

    public Letterbox() {
        this(new LinearResize());
    }

    public Letterbox(LinearResize resize) {
        this.resize = resize;
    }

    /**
     * Writes {@code src} into {@code canvas} (whose size is the network input) and returns the
     * parameters that map detections back. The canvas is fully overwritten, so it can be reused.
     */
    public LetterboxParams apply(BgrImage src, LetterboxStyle style, BgrImage canvas) {
        LetterboxParams p = LetterboxParams.plan(style, src.width(), src.height(), canvas.width(), canvas.height());
        byte[] d = canvas.data();
        for (int y = 0; y < canvas.height(); y++) {
            int row = canvas.rowStart(y);
            Arrays.fill(d, row, row + canvas.width() * 3, (byte) 0);
        }
        BgrImage region = BgrImage.wrap(d, canvas.rowStart(p.padTop()) + p.padLeft() * 3,
                p.resizedWidth(), p.resizedHeight(), canvas.stride());
        resize.resizeInto(src, region);
        return p;
    }

    /** Convenience: a new canvas of the given input size. */
    public BgrImage apply(BgrImage src, LetterboxStyle style, int inputWidth, int inputHeight,
                          LetterboxParams[] paramsOut) {
        BgrImage canvas = BgrImage.allocate(inputWidth, inputHeight);
        LetterboxParams p = apply(src, style, canvas);
        if (paramsOut != null && paramsOut.length > 0) {
            paramsOut[0] = p;
        }
        return canvas;
    }
}
