package io.github.scrfd4j.anchors;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anchor centres of every level for one input size, in grid units ({@code (x, y)} of the cell;
 * multiply by the stride for input pixels). Order: row-major y, then x, then anchor, matching the
 * flattened network outputs. Grids are immutable and cached per (plan, size).
 */
public final class AnchorGrid {
    private static final Map<String, AnchorGrid> CACHE = new ConcurrentHashMap<>();

    private final StridePlan plan;
    private final int inputWidth;
    private final int inputHeight;
    private final float[][] ax;
    private final float[][] ay;

    private AnchorGrid(StridePlan plan, int inputWidth, int inputHeight) {
        this.plan = plan;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.ax = new float[plan.levels()][];
        this.ay = new float[plan.levels()][];
        int a = plan.anchorsPerCell();
        for (int level = 0; level < plan.levels(); level++) {
            int s = plan.stride(level);
            int gw = inputWidth / s;
            int gh = inputHeight / s;
            float[] xs = new float[gw * gh * a];
            float[] ys = new float[gw * gh * a];
            int i = 0;
            for (int y = 0; y < gh; y++) {
                for (int x = 0; x < gw; x++) {
                    for (int k = 0; k < a; k++, i++) {
                        xs[i] = x;
                        ys[i] = y;
                    }
                }
            }
            ax[level] = xs;
            ay[level] = ys;
        }
    }

    /**
     * The grid for an input size. Both sides must be positive multiples of 32, the coarsest stride
     * every SCRFD model needs to tile its input exactly (dynamic-shape models are otherwise silently
     * misaligned).
     */
    public static AnchorGrid of(StridePlan plan, int inputWidth, int inputHeight) {
        checkInputSize(inputWidth, inputHeight);
        return CACHE.computeIfAbsent(plan + ":" + inputWidth + "x" + inputHeight,
                k -> new AnchorGrid(plan, inputWidth, inputHeight));
    }

    /** A new, uncached grid: tests check the construction itself, which a warm cache would hide. */
    static AnchorGrid build(StridePlan plan, int inputWidth, int inputHeight) {
        checkInputSize(inputWidth, inputHeight);
        return new AnchorGrid(plan, inputWidth, inputHeight);
    }

    /** Rejects input sizes that are not positive multiples of 32. */
    public static void checkInputSize(int inputWidth, int inputHeight) {
        if (inputWidth <= 0 || inputHeight <= 0 || inputWidth % 32 != 0 || inputHeight % 32 != 0) {
            throw new IllegalArgumentException("SCRFD input size must be positive multiples of 32, got "
                    + inputWidth + "x" + inputHeight);
        }
    }

    public StridePlan plan() {
        return plan;
    }

    public int inputWidth() {
        return inputWidth;
    }

    public int inputHeight() {
        return inputHeight;
    }

    /** Anchors at a level. */
    public int count(int level) {
        return ax[level].length;
    }

    /** Anchor x centres of a level in grid units (shared array: do not modify). */
    public float[] xs(int level) {
        return ax[level];
    }

    /** Anchor y centres of a level in grid units (shared array: do not modify). */
    public float[] ys(int level) {
        return ay[level];
    }
}
