// scrfd4j's own glue for the TNN peers: what JavaCPP cannot express directly.
//  - ModelConfig::params holds a binary .tnnmodel with NUL bytes: added with an explicit length.
//  - Output names and dims come from GetAllOutputBlobs (a std::map, iterated in name order).
//  - Inputs and outputs go through Mats on DEVICE_NAIVE (host memory), never TNN's ARM default,
//    and outputs are copied out at once: GetOutputMat's buffer is reused by the next Forward.
#pragma once
#include <tnn/core/blob.h>
#include <tnn/core/common.h>
#include <tnn/core/instance.h>
#include <tnn/core/mat.h>
#include <tnn/core/status.h>
#include <tnn/core/tnn.h>
#include <cstring>
#include <iterator>
#include <memory>
#include <string>

namespace scrfd4j_tnn {

inline void addParam(tnn::ModelConfig* config, const char* data, size_t length) {
    config->params.emplace_back(data, length);
}

inline int outputCount(tnn::Instance* instance) {
    tnn::BlobMap blobs;
    if (instance->GetAllOutputBlobs(blobs) != tnn::TNN_OK) return -1;
    return static_cast<int>(blobs.size());
}

// Writes output i's name (NUL-terminated, truncated to capacity) and returns its rank, or -1.
inline int outputInfo(tnn::Instance* instance, int i, char* name, int capacity, int* dims, int maxDims) {
    tnn::BlobMap blobs;
    if (instance->GetAllOutputBlobs(blobs) != tnn::TNN_OK) return -1;
    if (i < 0 || i >= static_cast<int>(blobs.size()) || capacity <= 0) return -1;
    auto it = blobs.begin();
    std::advance(it, i);
    std::strncpy(name, it->first.c_str(), capacity - 1);
    name[capacity - 1] = '\0';
    const tnn::DimsVector& d = it->second->GetBlobDesc().dims;
    for (int k = 0; k < static_cast<int>(d.size()) && k < maxDims; ++k) dims[k] = d[k];
    return static_cast<int>(d.size());
}

// Dims of the first input; returns its rank, or -1.
inline int inputDims(tnn::Instance* instance, int* dims, int maxDims) {
    tnn::BlobMap blobs;
    if (instance->GetAllInputBlobs(blobs) != tnn::TNN_OK || blobs.empty()) return -1;
    const tnn::DimsVector& d = blobs.begin()->second->GetBlobDesc().dims;
    for (int k = 0; k < static_cast<int>(d.size()) && k < maxDims; ++k) dims[k] = d[k];
    return static_cast<int>(d.size());
}

// Feeds a host NCHW float tensor (not copied by us; TNN converts it into its blob).
inline tnn::Status setInput(tnn::Instance* instance, float* data, int n, int c, int h, int w,
                            const tnn::MatConvertParam* param) {
    auto mat = std::make_shared<tnn::Mat>(tnn::DEVICE_NAIVE, tnn::NCHW_FLOAT, tnn::DimsVector{n, c, h, w}, data);
    return instance->SetInputMat(mat, param ? *param : tnn::MatConvertParam());
}

// Copies output `name` into dst (at most capacity floats); writes the element count to count.
inline tnn::Status getOutput(tnn::Instance* instance, const char* name, float* dst, long capacity, long* count) {
    std::shared_ptr<tnn::Mat> mat;
    tnn::Status s = instance->GetOutputMat(mat, tnn::MatConvertParam(), name, tnn::DEVICE_NAIVE, tnn::NCHW_FLOAT);
    if (s != tnn::TNN_OK) return s;
    long total = 1;
    for (int d : mat->GetDims()) total *= d;
    *count = total;
    if (total > capacity) return tnn::Status(tnn::TNNERR_PARAM_ERR, "output larger than the buffer");
    std::memcpy(dst, mat->GetData(), sizeof(float) * total);
    return tnn::Status(tnn::TNN_OK, "OK");
}

inline int statusCode(tnn::Status* s) { return static_cast<int>(*s); }

}  // namespace scrfd4j_tnn
