package io.github.scrfd4j.decode;

import io.github.scrfd4j.image.LetterboxStyle;

/**
 * Whose SCRFD semantics to reproduce, end to end (letterbox, decode, IoU, caps).
 */
public enum Convention {
    /**
     * lite.ai.toolkit's C++ {@code SCRFD} ({@code lite/ort/cv/scrfd.cpp}): centred letterbox; score kept
     * when {@code !(score < t)} except NaN (which we never keep); boxes
     * {@code ((c -+ d) * s - pad) / r} clamped to {@code [0, w] x [0, h]}, landmarks likewise; at most
     * {@code max_nms + 1 = 30001} candidates per level; after each level, when more than
     * {@code max(1000, 1000 * s / 8)} candidates are held in total, all are sorted by score and truncated
     * to that many ({@code nms_pre}); hard NMS with {@code iou_of} ({@code +1} sizes), suppressing when
     * {@code iou > t}; top-k.
     */
    LITE_AI_TOOLKIT(LetterboxStyle.CENTERED),
    /**
     * InsightFace's {@code scrfd.py}: top-left letterbox, {@code det_scale = nh / h}; score kept when
     * {@code score >= t}; boxes {@code (c * s -+ d * s) / det_scale}, not clamped; no pre-NMS cap; its
     * {@code nms} ({@code +1} sizes, keeps when {@code ovr <= t}); top-k after NMS, then optional
     * {@code max_num} selection.
     */
    INSIGHTFACE(LetterboxStyle.TOP_LEFT);

    /** lite.ai.toolkit's {@code max_nms}. */
    public static final int LITE_MAX_NMS = 30000;
    /** lite.ai.toolkit's {@code nms_pre}. */
    public static final int LITE_NMS_PRE = 1000;

    private final LetterboxStyle letterbox;

    Convention(LetterboxStyle letterbox) {
        this.letterbox = letterbox;
    }

    public LetterboxStyle letterbox() {
        return letterbox;
    }

    /** lite.ai.toolkit's per-level cumulative cap {@code nms_pre_} for a stride. */
    public static int liteNmsPre(int stride) {
        return Math.max(LITE_NMS_PRE, (stride / 8) * LITE_NMS_PRE);
    }
}
