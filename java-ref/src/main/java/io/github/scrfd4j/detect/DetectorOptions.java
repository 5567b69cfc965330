package io.github.scrfd4j.detect;

import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.nms.MaxNumSelector;

/**
 * Detector settings. Defaults follow lite.ai.toolkit's ONNX Runtime {@code SCRFD::detect}: score
 * threshold 0.3 (its header's default; InsightFace's {@code det_thresh} is 0.5), IoU threshold 0.45,
 * top-k 400, {@link Convention#LITE_AI_TOOLKIT}.
 *
 * @param scoreThreshold keep candidates scoring at least this (NaN scores never pass)
 * @param iouThreshold   suppress overlaps above this
 * @param topK           keep at most this many faces
 * @param convention     whose letterbox/decode/NMS semantics to follow
 * @param inputWidth     network input width; 0 = the model's fixed size, else 640
 * @param inputHeight    network input height; 0 = the model's fixed size, else 640
 * @param maxNum         InsightFace's {@code max_num} (0 = off), applied after top-k
 * @param maxNumMetric   InsightFace's {@code metric} for {@code max_num}
 */
public record DetectorOptions(float scoreThreshold, float iouThreshold, int topK, Convention convention,
                              int inputWidth, int inputHeight, int maxNum, MaxNumSelector.Metric maxNumMetric) {
    /** lite.ai.toolkit's defaults: 0.3 / 0.45 / 400, centred letterbox, model's input size. */
    public static final DetectorOptions DEFAULTS =
            new DetectorOptions(0.3f, 0.45f, 400, Convention.LITE_AI_TOOLKIT, 0, 0, 0, MaxNumSelector.Metric.DEFAULT);

    public DetectorOptions {
        if (!(scoreThreshold >= 0f && scoreThreshold <= 1f)) {
            throw new IllegalArgumentException("score threshold must be in [0, 1], got " + scoreThreshold);
        }
        if (!(iouThreshold >= 0f && iouThreshold <= 1f)) {
            throw new IllegalArgumentException("IoU threshold must be in [0, 1], got " + iouThreshold);
        }
        if (topK <= 0) {
            throw new IllegalArgumentException("top-k must be positive, got " + topK);
        }
        if (convention == null || maxNumMetric == null) {
            throw new IllegalArgumentException("convention and maxNumMetric must not be null");
        }
        if (inputWidth < 0 || inputHeight < 0 || (inputWidth == 0) != (inputHeight == 0)) {
            throw new IllegalArgumentException("input size must be both 0 (model default) or both positive, got "
                    + inputWidth + "x" + inputHeight);
        }
        if (maxNum < 0) {
            throw new IllegalArgumentException("maxNum must be >= 0, got " + maxNum);
        }
    }

    public DetectorOptions withScoreThreshold(float v) {
        return new DetectorOptions(v, iouThreshold, topK, convention, inputWidth, inputHeight, maxNum, maxNumMetric);
    }

    public DetectorOptions withIouThreshold(float v) {
        return new DetectorOptions(scoreThreshold, v, topK, convention, inputWidth, inputHeight, maxNum, maxNumMetric);
    }

    public DetectorOptions withTopK(int v) {
        return new DetectorOptions(scoreThreshold, iouThreshold, v, convention, inputWidth, inputHeight, maxNum,
                maxNumMetric);
    }

    public DetectorOptions withConvention(Convention v) {
        return new DetectorOptions(scoreThreshold, iouThreshold, topK, v, inputWidth, inputHeight, maxNum, maxNumMetric);
    }

    public DetectorOptions withInputSize(int w, int h) {
        return new DetectorOptions(scoreThreshold, iouThreshold, topK, convention, w, h, maxNum, maxNumMetric);
    }

    public DetectorOptions withMaxNum(int n, MaxNumSelector.Metric metric) {
        return new DetectorOptions(scoreThreshold, iouThreshold, topK, convention, inputWidth, inputHeight, n, metric);
    }
}
