// scrfd4j native post-processing: SCRFD decode + hard NMS with lite.ai.toolkit's semantics, written
// to give bit-identical results to java-ref's PostProcessor (Convention.LITE_AI_TOOLKIT):
//  - keep anchors with score >= threshold (NaN never passes), at most max_nms + 1 per level;
//  - boxes ((c -+ d) * s - pad) / ratio, clamped with std::max/std::min semantics, landmarks likewise;
//  - after each level, when more than max(1000, 1000 * s / 8) candidates are held, stable-sort by score
//    and truncate (lite.ai.toolkit's nms_pre);
//  - stable sort by descending score, greedy NMS with iou_of (+1 sizes, FLT_MIN when disjoint), top-k.
// Must be compiled with -ffp-contract=off: a fused multiply-add would round differently from Java.
#pragma once

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace scrfd4j {

static const int kLiteMaxNms = 30000;
static const int kLiteNmsPre = 1000;
static const int kFaceFloats = 15;  // x1, y1, x2, y2, score, 10 landmark values

struct Candidates {
    std::vector<float> score, x1, y1, x2, y2, kps;  // kps: 10 per candidate, interleaved
    void clear() { score.clear(); x1.clear(); y1.clear(); x2.clear(); y2.clear(); kps.clear(); }
    size_t size() const { return score.size(); }
};

// Java's ordering of floats (Float.floatToIntBits made monotonic), so ties and signed zeros sort alike.
inline int32_t sort_key(float f) {
    int32_t bits;
    std::memcpy(&bits, &f, sizeof bits);
    return bits ^ ((bits >> 31) & 0x7FFFFFFF);
}

// Stable descending order by score; reorders all columns.
inline void sort_by_score(Candidates& c, std::vector<uint32_t>& order) {
    const size_t n = c.size();
    order.resize(n);
    for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
    std::stable_sort(order.begin(), order.end(), [&c](uint32_t a, uint32_t b) {
        return sort_key(c.score[a]) > sort_key(c.score[b]);
    });
    Candidates s;
    s.score.resize(n); s.x1.resize(n); s.y1.resize(n); s.x2.resize(n); s.y2.resize(n); s.kps.resize(c.kps.size());
    const bool k = !c.kps.empty();
    for (size_t i = 0; i < n; ++i) {
        const uint32_t o = order[i];
        s.score[i] = c.score[o]; s.x1[i] = c.x1[o]; s.y1[i] = c.y1[o]; s.x2[i] = c.x2[o]; s.y2[i] = c.y2[o];
        if (k) std::memcpy(&s.kps[10 * i], &c.kps[10 * o], 10 * sizeof(float));
    }
    std::swap(c, s);
}

inline void truncate(Candidates& c, size_t n) {
    if (c.size() <= n) return;
    c.score.resize(n); c.x1.resize(n); c.y1.resize(n); c.x2.resize(n); c.y2.resize(n);
    if (!c.kps.empty()) c.kps.resize(10 * n);
}

/**
 * Decodes and suppresses. scores[l], boxes[l], kps[l] point at level l's [N], [N, 4], [N, 10] floats
 * (kps may be null). Writes up to max_out faces of kFaceFloats floats to out; returns the count.
 */
inline int postprocess_lite(const float* const* scores, const float* const* boxes, const float* const* kps,
                            int levels, const int* strides, int anchors_per_cell, int input_w, int input_h,
                            float score_threshold, float iou_threshold, int top_k,
                            float pad_x, float pad_y, float ratio, float image_w, float image_h,
                            float* out, int max_out) {
    if (levels <= 0 || top_k <= 0 || max_out <= 0) return 0;
    Candidates c;
    std::vector<uint32_t> order;
    const bool has_kps = kps != nullptr && kps[0] != nullptr;
    for (int l = 0; l < levels; ++l) {
        const int s = strides[l];
        const int gw = input_w / s, gh = input_h / s;
        const int n = gw * gh * anchors_per_cell;
        const float fs = static_cast<float>(s);
        const float* sc = scores[l];
        const float* bx = boxes[l];
        const float* kp = has_kps ? kps[l] : nullptr;
        int taken = 0;
        for (int i = 0; i < n && taken <= kLiteMaxNms; ++i) {
            const float score = sc[i];
            if (!(score >= score_threshold)) continue;  // NaN never passes
            ++taken;
            const int cell = i / anchors_per_cell;
            const float cx = static_cast<float>(cell % gw);
            const float cy = static_cast<float>(cell / gw);
            const float* d = bx + 4 * static_cast<size_t>(i);
            const float a = ((cx - d[0]) * fs - pad_x) / ratio;
            const float b = ((cy - d[1]) * fs - pad_y) / ratio;
            const float e = ((cx + d[2]) * fs - pad_x) / ratio;
            const float f = ((cy + d[3]) * fs - pad_y) / ratio;
            c.score.push_back(score);
            c.x1.push_back(0.f < a ? a : 0.f);
            c.y1.push_back(0.f < b ? b : 0.f);
            c.x2.push_back(e < image_w ? e : image_w);
            c.y2.push_back(f < image_h ? f : image_h);
            if (kp) {
                const float* k = kp + 10 * static_cast<size_t>(i);
                for (int j = 0; j < 10; ++j) {
                    const bool is_x = (j & 1) == 0;
                    const float v = (((is_x ? cx : cy) + k[j]) * fs - (is_x ? pad_x : pad_y)) / ratio;
                    const float lo = 0.f < v ? v : 0.f;
                    const float lim = is_x ? image_w : image_h;
                    c.kps.push_back(lim < lo ? lim : lo);
                }
            }
        }
        const size_t cap = static_cast<size_t>(std::max(kLiteNmsPre, (s / 8) * kLiteNmsPre));
        if (c.size() > cap) {
            sort_by_score(c, order);
            truncate(c, cap);
        }
    }
    sort_by_score(c, order);
    const size_t n = c.size();
    std::vector<float> area(n);
    std::vector<char> removed(n, 0);
    for (size_t i = 0; i < n; ++i) area[i] = std::fabs((c.x2[i] - c.x1[i] + 1.f) * (c.y2[i] - c.y1[i] + 1.f));
    const int limit = std::min(top_k, max_out);
    int count = 0;
    for (size_t i = 0; i < n && count < limit; ++i) {
        if (removed[i]) continue;
        float* o = out + static_cast<size_t>(count) * kFaceFloats;
        o[0] = c.x1[i]; o[1] = c.y1[i]; o[2] = c.x2[i]; o[3] = c.y2[i]; o[4] = c.score[i];
        for (int j = 0; j < 10; ++j) o[5 + j] = has_kps ? c.kps[10 * i + j] : 0.f;
        ++count;
        if (count >= limit) break;
        for (size_t j = i + 1; j < n; ++j) {
            if (removed[j]) continue;
            const float w = std::min(c.x2[i], c.x2[j]) - std::max(c.x1[i], c.x1[j]) + 1.f;
            const float h = std::min(c.y2[i], c.y2[j]) - std::max(c.y1[i], c.y1[j]) + 1.f;
            float iou;
            if (h <= 0.f || w <= 0.f) {
                iou = FLT_MIN;
            } else {
                const float inter = h * w;
                iou = inter / (area[i] + area[j] - inter);
            }
            if (iou > iou_threshold) removed[j] = 1;
        }
    }
    return count;
}

}  // namespace scrfd4j
