package io.github.scrfd4j.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.scrfd4j.decode.Convention;
import io.github.scrfd4j.decode.OutputLayout;
import io.github.scrfd4j.decode.OutputLayoutException;
import io.github.scrfd4j.detect.Face;
import io.github.scrfd4j.detect.PostProcessor;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import io.github.scrfd4j.image.LetterboxParams;
import io.github.scrfd4j.vector.KernelsProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Output-layout inference and post-processing on arbitrary tensors: any number of outputs with any
 * shapes, names and values (NaN, infinities, huge offsets), any input and image size. Allowed outcomes:
 * faces with finite scores in [threshold, 1]-like order, {@link OutputLayoutException} (shapes that are no
 * SCRFD layout) or {@link IllegalArgumentException} (sizes the API refuses). Anything else is a finding.
 */
class PostProcessingFuzzTest {
    @FuzzTest(maxDuration = "1h")
    void postProcess(FuzzedDataProvider in) {
        int side = 32 * in.consumeInt(1, 4);
        int inW = in.consumeBoolean() ? side : 32 * in.consumeInt(1, 4);
        int inH = side;
        List<Tensor> tensors = new ArrayList<>();
        List<TensorInfo> infos = new ArrayList<>();
        if (in.consumeBoolean()) {
            scrfdShaped(in, inW, inH, tensors, infos);
        } else {
            anyShapes(in, inW, inH, tensors, infos);
        }
        if (infos.size() != tensors.size()) {
            return; // a tensor too large to build
        }
        Convention convention = in.consumeBoolean() ? Convention.LITE_AI_TOOLKIT : Convention.INSIGHTFACE;
        float threshold = in.consumeRegularFloat(0f, 1f);
        try {
            OutputLayout layout = OutputLayout.infer(infos, inW, inH);
            LetterboxParams lb = LetterboxParams.plan(convention.letterbox(), in.consumeInt(1, 5000),
                    in.consumeInt(1, 5000), inW, inH);
            PostProcessor post = new PostProcessor(convention, threshold, in.consumeRegularFloat(0f, 1f),
                    in.consumeInt(1, 500), KernelsProvider.get());
            List<Face> faces = post.process(tensors, layout, lb);
            for (Face f : faces) {
                if (!(f.score() >= threshold)) {
                    throw new AssertionError("a face below the threshold " + threshold + ": " + f);
                }
            }
        } catch (OutputLayoutException | IllegalArgumentException expected) {
            // documented refusals
        }
    }

    /** 6 or 9 outputs shaped as SCRFD's for this size (with or without a batch dimension), fuzzed values. */
    private static void scrfdShaped(FuzzedDataProvider in, int w, int h, List<Tensor> tensors, List<TensorInfo> infos) {
        boolean kps = in.consumeBoolean();
        boolean batch = in.consumeBoolean();
        int[] cols = kps ? new int[] {1, 4, 10} : new int[] {1, 4};
        for (int c : cols) {
            for (int stride : new int[] {8, 16, 32}) {
                int n = (w / stride) * (h / stride) * 2;
                long[] shape = batch ? new long[] {1, n, c} : new long[] {n, c};
                float[] data = new float[n * c];
                // a few fuzzed values at fuzzed places: most anchors stay 0 (below any threshold)
                int writes = in.consumeInt(0, 64);
                for (int k = 0; k < writes; k++) {
                    int at = in.consumeInt(0, data.length - 1);
                    data[at] = in.consumeBoolean() ? in.consumeRegularFloat(-8f, 8f) : in.consumeFloat();
                }
                String name = String.valueOf(tensors.size());
                tensors.add(new Tensor(name, shape, data));
                infos.add(new TensorInfo(name, shape));
            }
        }
    }

    /** Any number of outputs with any shapes and values. */
    private static void anyShapes(FuzzedDataProvider in, int inW, int inH, List<Tensor> tensors, List<TensorInfo> infos) {
        int outputs = in.consumeInt(0, 16);
        for (int o = 0; o < outputs; o++) {
            int rank = in.consumeInt(1, 3);
            long[] shape = new long[rank];
            long n = 1;
            for (int d = 0; d < rank; d++) {
                shape[d] = in.consumeBoolean() ? in.consumeInt(0, 2000) : pick(in, inW, inH);
                n *= shape[d];
            }
            if (n > 200_000) {
                tensors.clear();
                return; // keep one input's memory small; shape handling of big tensors is the same
            }
            float[] data = new float[(int) n];
            for (int i = 0; i < data.length && in.remainingBytes() > 0; i++) {
                data[i] = in.consumeBoolean() ? in.consumeRegularFloat(-4f, 4f) : in.consumeFloat();
            }
            String name = in.consumeBoolean() ? in.consumeString(12) : String.valueOf(o);
            tensors.add(new Tensor(name, shape, data));
            infos.add(new TensorInfo(name, shape));
        }
    }

    /** A dimension that fits SCRFD's anchors for this size, so inputs reach the decoder often. */
    private static long pick(FuzzedDataProvider in, int w, int h) {
        int stride = new int[] {8, 16, 32, 64, 128}[in.consumeInt(0, 4)];
        int[] cols = {1, 4, 10};
        return in.consumeBoolean() ? (long) (w / stride) * (h / stride) * in.consumeInt(1, 2) : cols[in.consumeInt(0, 2)];
    }
}
