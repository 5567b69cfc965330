package io.github.scrfd4j.engine.ncnn;

import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.Tensor;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.ncnn.Extractor;
import org.bytedeco.ncnn.Mat;
import org.bytedeco.ncnn.Net;
import org.bytedeco.ncnn.global.ncnn;

/**
 * One inference through ncnn's C API, with every return code and data pointer checked: an unknown
 * blob name only logs in ncnn and yields an empty mat, and {@code extract} allocates a new mat on
 * every call, failure included, which is destroyed every time. Holds the blob names as native
 * strings so that a run allocates none.
 */
final class NcnnRun implements AutoCloseable {
    private final Net net;
    private final String source;
    private final BytePointer input;
    private final List<String> names;
    private final List<BytePointer> outputs = new ArrayList<>();

    NcnnRun(Net net, String inputName, List<String> outputNames, String source) {
        this.net = net;
        this.source = source;
        this.input = new BytePointer(inputName);
        this.names = List.copyOf(outputNames);
        for (String n : outputNames) {
            outputs.add(new BytePointer(n));
        }
    }

    /**
     * Runs on {@code 3 x h x w} CHW floats at {@code data} and copies each output into
     * {@code arrays.apply(index, elementCount)}; shapes are {@code [1, h, w]} for ncnn's 2-D mats
     * ({@code [1, N, C]}, as ONNX Runtime gives them) and {@code [1, c, h, w]} for 3-D ones.
     */
    List<Tensor> run(FloatPointer data, int w, int h, BiFunction<Integer, Integer, float[]> arrays) {
        Extractor ex = ncnn.ncnn_extractor_create(net);
        if (ex == null || ex.isNull()) {
            throw new EngineException("ncnn could not create an extractor for " + source);
        }
        // an ncnn-owned mat, not one wrapping our buffer: ncnn's light mode reads the refcount of an
        // input blob (an external mat has none), and pads each channel to 16 bytes (cstep)
        Mat in = ncnn.ncnn_mat_create_3d(w, h, 3, null);
        try {
            Pointer dst = in == null || in.isNull() ? null : ncnn.ncnn_mat_get_data(in);
            if (dst == null || dst.isNull()) {
                throw new EngineException("ncnn could not allocate the " + w + "x" + h + " input");
            }
            long cstep = ncnn.ncnn_mat_get_cstep(in);
            int plane = w * h;
            FloatBuffer to = new FloatPointer(dst).capacity(3 * cstep).asBuffer();
            FloatBuffer from = data.capacity(3L * plane).asBuffer();
            for (int c = 0; c < 3; c++) {
                from.limit((c + 1) * plane).position(c * plane);
                to.position((int) (c * cstep));
                to.put(from);
            }
            if (ncnn.ncnn_extractor_input(ex, input, in) != 0) {
                throw new EngineException("ncnn has no input blob '" + input.getString() + "' in " + source);
            }
            List<Tensor> out = new ArrayList<>(outputs.size());
            for (int i = 0; i < outputs.size(); i++) {
                out.add(extract(ex, i, arrays));
            }
            return out;
        } finally {
            if (in != null && !in.isNull()) {
                ncnn.ncnn_mat_destroy(in);
            }
            ncnn.ncnn_extractor_destroy(ex);
        }
    }

    /**
     * Runs on an ncnn input mat and hands {@code reader} each output's data in place (index as in
     * the engine's outputs), valid only during the call: the pipeline a C++ program drives.
     */
    <T> T runInPlace(Mat in, Function<IntFunction<FloatPointer>, T> reader) {
        Extractor ex = ncnn.ncnn_extractor_create(net);
        if (ex == null || ex.isNull()) {
            throw new EngineException("ncnn could not create an extractor for " + source);
        }
        Mat[] mats = new Mat[outputs.size()];
        try {
            if (ncnn.ncnn_extractor_input(ex, input, in) != 0) {
                throw new EngineException("ncnn has no input blob '" + input.getString() + "' in " + source);
            }
            FloatPointer[] data = new FloatPointer[mats.length];
            for (int i = 0; i < mats.length; i++) {
                mats[i] = new Mat();
                int code = ncnn.ncnn_extractor_extract(ex, outputs.get(i), mats[i]);
                Pointer p = mats[i].isNull() ? null : ncnn.ncnn_mat_get_data(mats[i]);
                if (code != 0 || p == null || p.isNull() || ncnn.ncnn_mat_get_dims(mats[i]) > 2) {
                    throw new EngineException("ncnn could not compute output '" + names.get(i) + "' of " + source
                            + " as rows (code " + code + ")");
                }
                data[i] = new FloatPointer(p);
            }
            return reader.apply(i -> data[i]);
        } finally {
            for (Mat m : mats) {
                if (m != null && !m.isNull()) {
                    ncnn.ncnn_mat_destroy(m);
                }
            }
            ncnn.ncnn_extractor_destroy(ex);
        }
    }

    private Tensor extract(Extractor ex, int i, BiFunction<Integer, Integer, float[]> arrays) {
        Mat m = new Mat();
        try {
            int code = ncnn.ncnn_extractor_extract(ex, outputs.get(i), m);
            Pointer data = m.isNull() ? null : ncnn.ncnn_mat_get_data(m);
            if (code != 0 || data == null || data.isNull()) {
                throw new EngineException("ncnn could not compute output '" + names.get(i) + "' of " + source
                        + " (code " + code + ")");
            }
            if (ncnn.ncnn_mat_get_elemsize(m) != 4 || ncnn.ncnn_mat_get_elempack(m) != 1) {
                throw new EngineException("ncnn output '" + names.get(i) + "' is not unpacked fp32 (elemsize "
                        + ncnn.ncnn_mat_get_elemsize(m) + ", elempack " + ncnn.ncnn_mat_get_elempack(m) + ")");
            }
            int dims = ncnn.ncnn_mat_get_dims(m);
            int mw = ncnn.ncnn_mat_get_w(m);
            int mh = ncnn.ncnn_mat_get_h(m);
            int mc = ncnn.ncnn_mat_get_c(m);
            long[] shape;
            switch (dims) {
                case 1:
                    shape = new long[] {1, mw};
                    break;
                case 2:
                    shape = new long[] {1, mh, mw};
                    break;
                case 3:
                    shape = new long[] {1, mc, mh, mw};
                    break;
                default:
                    throw new EngineException("ncnn output '" + names.get(i) + "' has " + dims + " dimensions");
            }
            int plane = (dims == 3 ? mh : dims == 2 ? mh : 1) * mw;
            int channels = dims == 3 ? mc : 1;
            float[] arr = arrays.apply(i, plane * channels);
            FloatPointer f = new FloatPointer(data);
            long cstep = ncnn.ncnn_mat_get_cstep(m);
            for (int c = 0; c < channels; c++) {
                // channels of a 3-D mat are cstep apart (16-byte aligned), not w * h
                f.position(c * cstep).get(arr, c * plane, plane);
            }
            return new Tensor(names.get(i), shape, arr);
        } finally {
            if (!m.isNull()) {
                ncnn.ncnn_mat_destroy(m);
            }
        }
    }

    @Override
    public void close() {
        input.close();
        outputs.forEach(BytePointer::close);
    }
}
