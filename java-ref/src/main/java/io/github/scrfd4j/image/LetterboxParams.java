package io.github.scrfd4j.image;

/**
 * Everything needed to map network-input coordinates back to the original image.
 *
 * @param style         the convention that produced these numbers
 * @param srcWidth      original image width
 * @param srcHeight     original image height
 * @param inputWidth    network input width
 * @param inputHeight   network input height
 * @param resizedWidth  width of the resized image inside the input
 * @param resizedHeight height of the resized image inside the input
 * @param padLeft       columns of padding left of the image ({@code dw}; 0 for TOP_LEFT)
 * @param padTop        rows of padding above the image ({@code dh}; 0 for TOP_LEFT)
 * @param scale         input pixels per original pixel: {@code r} for CENTERED, {@code (float) det_scale} for TOP_LEFT
 */
public record LetterboxParams(LetterboxStyle style, int srcWidth, int srcHeight, int inputWidth, int inputHeight,
                              int resizedWidth, int resizedHeight, int padLeft, int padTop, float scale) {

    /** Plans a letterbox of a {@code srcWidth x srcHeight} image into a {@code inputWidth x inputHeight} input. */
    public static LetterboxParams plan(LetterboxStyle style, int srcWidth, int srcHeight, int inputWidth,
                                       int inputHeight) {
        BgrImage.checkSize(srcWidth, srcHeight);
        BgrImage.checkSize(inputWidth, inputHeight);
        if (style == LetterboxStyle.CENTERED) {
            float wr = (float) inputWidth / (float) srcWidth;
            float hr = (float) inputHeight / (float) srcHeight;
            float r = Math.min(wr, hr);
            // max(1, ...): a 1x10000 strip would otherwise resize to zero columns; documented deviation
            int nw = Math.max(1, (int) ((float) srcWidth * r));
            int nh = Math.max(1, (int) ((float) srcHeight * r));
            return new LetterboxParams(style, srcWidth, srcHeight, inputWidth, inputHeight, nw, nh,
                    (inputWidth - nw) / 2, (inputHeight - nh) / 2, r);
        }
        double imRatio = (double) srcHeight / srcWidth;
        double modelRatio = (double) inputHeight / inputWidth;
        int nw;
        int nh;
        if (imRatio > modelRatio) {
            nh = inputHeight;
            nw = (int) (nh / imRatio);
        } else {
            nw = inputWidth;
            nh = (int) (nw * imRatio);
        }
        nw = Math.max(1, nw);
        nh = Math.max(1, nh);
        float detScale = (float) ((double) nh / srcHeight);
        return new LetterboxParams(style, srcWidth, srcHeight, inputWidth, inputHeight, nw, nh, 0, 0, detScale);
    }
}
