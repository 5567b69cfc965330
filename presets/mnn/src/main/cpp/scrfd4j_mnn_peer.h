// scrfd4j's own glue for the MNN peers: the std::map of session outputs, as index/name pairs.
#pragma once
#include <MNN/Interpreter.hpp>
#include <iterator>

namespace scrfd4j_mnn {

inline int outputCount(MNN::Interpreter* net, const MNN::Session* session) {
    return static_cast<int>(net->getSessionOutputAll(session).size());
}

// Name of output i in the map's (name) order; nullptr when out of range.
inline const char* outputName(MNN::Interpreter* net, const MNN::Session* session, int i) {
    const auto& all = net->getSessionOutputAll(session);
    if (i < 0 || i >= static_cast<int>(all.size())) return nullptr;
    auto it = all.begin();
    std::advance(it, i);
    return it->first.c_str();
}

}  // namespace scrfd4j_mnn
