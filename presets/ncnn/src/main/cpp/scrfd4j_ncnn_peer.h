// scrfd4j's own glue for the ncnn peers: a bounds-checked weight reader and Vulkan probes.
#pragma once
#include <ncnn/c_api.h>
#include <ncnn/platform.h>
#if NCNN_VULKAN
#include <ncnn/gpu.h>
#endif
#include <cstring>

namespace scrfd4j_ncnn {

// A C-API data reader over (pointer, length). ncnn's own memory reader has no length and reads past
// the end of a truncated .bin; this one returns short reads, which ncnn reports as a load failure.
struct BoundedReader {
    struct __ncnn_datareader_t base;  // first member: a BoundedReader* is a valid ncnn_datareader_t
    const unsigned char* p;
    size_t left;
};

#if NCNN_STRING
inline int boundedScan(ncnn_datareader_t, const char*, void*) {
    return 0;
}
#endif

inline size_t boundedRead(ncnn_datareader_t dr, void* buf, size_t size) {
    BoundedReader* r = reinterpret_cast<BoundedReader*>(dr);
    size_t n = size < r->left ? size : r->left;
    std::memcpy(buf, r->p, n);
    r->p += n;
    r->left -= n;
    return n;
}

inline long long loadModelBounded(ncnn_net_t net, const unsigned char* data, size_t length) {
    BoundedReader r;
    r.base.pthis = nullptr;
#if NCNN_STRING
    r.base.scan = boundedScan;
#endif
    r.base.read = boundedRead;
    r.p = data;
    r.left = length;
    if (ncnn_net_load_model_datareader(net, &r.base) != 0) {
        return -1;
    }
    return static_cast<long long>(r.left);
}

inline int vulkanBuilt() {
    return NCNN_VULKAN ? 1 : 0;
}

inline int gpuCount() {
#if NCNN_VULKAN
    return ncnn::get_gpu_count();
#else
    return 0;
#endif
}

}  // namespace scrfd4j_ncnn
