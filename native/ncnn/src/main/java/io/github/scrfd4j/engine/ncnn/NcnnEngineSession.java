package io.github.scrfd4j.engine.ncnn;

import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.engine.NativeEngineSession;
import io.github.scrfd4j.engine.Tensor;
import io.github.scrfd4j.engine.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import io.github.scrfd4j.image.BgrImage;
import io.github.scrfd4j.image.LetterboxParams;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.ncnn.Mat;
import org.bytedeco.ncnn.global.ncnn;

/**
 * One thread's ncnn context: the input tensor (native memory ncnn reads in place), the blob names,
 * reused output arrays. Each run makes and destroys its own extractor.
 */
public final class NcnnEngineSession extends NativeEngineSession {
    private static final FloatPointer MEAN = new FloatPointer(127.5f, 127.5f, 127.5f);
    private static final FloatPointer NORM = new FloatPointer(1 / 128f, 1 / 128f, 1 / 128f);
    private final NcnnEngine engine;
    private final NcnnRun run;
    private FloatPointer input = new FloatPointer(1);
    private FloatBuffer inputBuffer = input.asBuffer();
    private BytePointer pixels;

    NcnnEngineSession(NcnnEngine engine) {
        super(engine, "ncnn model", "ncnn session");
        this.engine = engine;
        this.run = new NcnnRun(engine.net(), engine.inputName(), engine.outputNames(), engine.source());
    }

    @Override
    protected FloatBuffer input(int width, int height) {
        long n = 3L * width * height;
        if (input.capacity() != n) {
            input.close();
            input = new FloatPointer(n);
            inputBuffer = input.asBuffer();
        }
        return inputBuffer;
    }

    @Override
    protected List<Tensor> infer(int width, int height) {
        if (input.capacity() != 3L * width * height) {
            throw new IllegalStateException("call inputBuffer(" + width + ", " + height + ") before run");
        }
        List<Tensor> out = run.run(input, width, height, this::outputArray);
        if (!engine.input().dynamic()) {
            for (int i = 0; i < out.size(); i++) {
                TensorInfo expected = engine.outputs().get(i);
                if (!Arrays.equals(expected.shape(), out.get(i).shape())) {
                    throw new EngineException("ncnn output " + expected.name() + " has shape "
                            + Arrays.toString(out.get(i).shape()) + ", expected " + Arrays.toString(expected.shape()));
                }
            }
        }
        return out;
    }

    /**
     * lite.ai.toolkit's ncnn pipeline, all native: {@code from_pixels_resize} (ncnn's bilinear, BGR to
     * RGB) to the letterboxed size, {@code copy_make_border} with 0, {@code (x - 127.5) / 128}, then
     * the network; {@code reader} gets the outputs in place (index as in {@link NcnnEngine#outputs()}),
     * valid only during the call. ncnn resamples differently from OpenCV, so the faces are close to,
     * not equal to, the Java pipeline's.
     */
    public <T> T runFromBgrInPlace(BgrImage image, LetterboxParams lb, Function<IntFunction<FloatPointer>, T> reader) {
        return guarded(() -> {
            if (pixels == null || pixels.capacity() < image.data().length) {
                if (pixels != null) {
                    pixels.close();
                }
                pixels = new BytePointer(image.data().length);
            }
            pixels.position(0).put(image.data()).position(image.offset());
            Mat resized = ncnn.ncnn_mat_from_pixels_resize(pixels, ncnn.NCNN_MAT_PIXEL_BGR2RGB, image.width(),
                    image.height(), image.stride(), lb.resizedWidth(), lb.resizedHeight(), null);
            pixels.position(0);
            Mat padded = ncnn.ncnn_mat_create();
            try {
                if (resized == null || resized.isNull()) {
                    throw new EngineException("ncnn from_pixels_resize failed");
                }
                int w = engine.input().width();
                int h = engine.input().height();
                ncnn.ncnn_copy_make_border(resized, padded, lb.padTop(), h - lb.padTop() - lb.resizedHeight(),
                        lb.padLeft(), w - lb.padLeft() - lb.resizedWidth(), ncnn.NCNN_BORDER_CONSTANT, 0f, null);
                ncnn.ncnn_mat_substract_mean_normalize(padded, MEAN, NORM);
                return run.runInPlace(padded, reader);
            } finally {
                if (resized != null && !resized.isNull()) {
                    ncnn.ncnn_mat_destroy(resized);
                }
                ncnn.ncnn_mat_destroy(padded);
            }
        });
    }

    @Override
    protected void release() {
        run.close();
        input.close();
        if (pixels != null) {
            pixels.close();
        }
    }
}
