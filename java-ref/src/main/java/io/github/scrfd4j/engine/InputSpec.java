package io.github.scrfd4j.engine;

/**
 * The model's image input: {@code [1, 3, height, width]} float32. Width and height are -1 for
 * dynamic-shape models, which then need an input size from the caller.
 */
public record InputSpec(String name, int width, int height) {
    /** True when the model accepts any (multiple-of-32) size. */
    public boolean dynamic() {
        return width <= 0 || height <= 0;
    }

    /**
     * Rejects a size a fixed-shape model cannot take ({@code model} names it in the message, for
     * example "MNN model"); a dynamic model takes any size.
     */
    public void requireSize(String model, int width, int height) {
        if (!dynamic() && (width != this.width || height != this.height)) {
            throw new IllegalArgumentException("this " + model + " takes " + this.width + "x" + this.height
                    + ", not " + width + "x" + height);
        }
    }
}
