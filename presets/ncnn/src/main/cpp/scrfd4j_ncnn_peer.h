// scrfd4j's own glue for the ncnn peers: a bounds-checked weight reader and Vulkan probes.
#pragma once
#include <ncnn/c_api.h>
#include <ncnn/platform.h>
#if NCNN_VULKAN
#include <ncnn/gpu.h>
#endif
#include <cstring>

namespace scrfd4j_ncnn {

// Bounds for ncnn's weight reading. ncnn's own memory reader has no length and reads past the end
// of a truncated .bin; here a C-API data reader (ncnn_datareader_create, whose pthis ncnn needs) gets
// a read function over (pointer, length) that returns short reads, which ncnn reports as a load
// failure. The C callback has no user pointer, so the bounds live in a thread_local for the duration
// of the synchronous load.
struct Bounds {
    const unsigned char* p;
    size_t left;
};

inline Bounds*& currentBounds() {
    static thread_local Bounds* bounds = nullptr;
    return bounds;
}

#if NCNN_STRING
inline int boundedScan(ncnn_datareader_t, const char*, void*) {
    return 0;
}
#endif

inline size_t boundedRead(ncnn_datareader_t, void* buf, size_t size) {
    Bounds* r = currentBounds();
    if (r == nullptr) {
        return 0;
    }
    size_t n = size < r->left ? size : r->left;
    std::memcpy(buf, r->p, n);
    r->p += n;
    r->left -= n;
    return n;
}

inline long long loadModelBounded(ncnn_net_t net, const unsigned char* data, size_t length) {
    Bounds bounds = {data, length};
    ncnn_datareader_t dr = ncnn_datareader_create();
    if (dr == nullptr) {
        return -1;
    }
#if NCNN_STRING
    dr->scan = boundedScan;
#endif
    dr->read = boundedRead;
    currentBounds() = &bounds;
    int rc = ncnn_net_load_model_datareader(net, dr);
    currentBounds() = nullptr;
    ncnn_datareader_destroy(dr);
    return rc != 0 ? -1 : static_cast<long long>(bounds.left);
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
