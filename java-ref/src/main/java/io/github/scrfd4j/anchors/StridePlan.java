package io.github.scrfd4j.anchors;

/** The feature-map strides of an SCRFD head and how many anchors each cell has. */
public enum StridePlan {
    /** 6- and 9-output models: strides 8, 16, 32 with 2 anchors per cell. */
    THREE_STRIDES(new int[] {8, 16, 32}, 2),
    /** 10- and 15-output models: strides 8..128 with 1 anchor per cell, as InsightFace's scrfd.py sets them. */
    FIVE_STRIDES(new int[] {8, 16, 32, 64, 128}, 1);

    private final int[] strides;
    private final int anchorsPerCell;

    StridePlan(int[] strides, int anchorsPerCell) {
        this.strides = strides;
        this.anchorsPerCell = anchorsPerCell;
    }

    public int levels() {
        return strides.length;
    }

    public int stride(int level) {
        return strides[level];
    }

    public int anchorsPerCell() {
        return anchorsPerCell;
    }

    /** Anchors at one level for an input of the given size: {@code (H / s) * (W / s) * A}. */
    public int anchorCount(int level, int inputWidth, int inputHeight) {
        int s = strides[level];
        return (inputHeight / s) * (inputWidth / s) * anchorsPerCell;
    }

    /** The plan for an output count (6, 9, 10 or 15), or null. */
    public static StridePlan forOutputCount(int n) {
        switch (n) {
            case 6:
            case 9:
                return THREE_STRIDES;
            case 10:
            case 15:
                return FIVE_STRIDES;
            default:
                return null;
        }
    }
}
