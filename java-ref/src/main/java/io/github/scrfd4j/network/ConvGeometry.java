package io.github.scrfd4j.network;

/** The sizes of one 2-D convolution: input, kernel, strides, pads, dilations, groups, output. */
record ConvGeometry(int inChannels, int h, int w, int outChannels, int kh, int kw, int sh, int sw, int pt, int pl,
                    int pb, int pr, int dh, int dw, int groups, int oh, int ow) {
}
