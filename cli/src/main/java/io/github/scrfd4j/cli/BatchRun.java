package io.github.scrfd4j.cli;

import io.github.scrfd4j.detect.BatchDetector;
import io.github.scrfd4j.detect.Detector;
import io.github.scrfd4j.image.PhotoDecoder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code detect} loop over the expanded inputs: pipelined through a {@link BatchDetector}, or one
 * image at a time with no workers; either way one line per input, in input order, printed as soon as
 * that image is done, with arguments that yield no image (an empty directory) in their place.
 */
final class BatchRun {
    private final List<ImageInputs.Input> inputs;
    private final ImageProcessor processor;
    private final PrintWriter lines;
    private final ProgressBar progress;
    private int done;

    /** @param progress null for no progress bar */
    BatchRun(List<ImageInputs.Input> inputs, ImageProcessor processor, PrintWriter lines, ProgressBar progress) {
        this.inputs = inputs;
        this.processor = processor;
        this.lines = lines;
        this.progress = progress;
    }

    /** Runs every input, adding its result to {@code results}; {@code workers == 0}: no pipeline. */
    void run(Detector detector, PhotoDecoder decoder, int workers, int streams, long maxPixels, boolean keepImages,
             List<ImageResult> results) {
        if (workers == 0) {
            for (ImageInputs.Input in : inputs) {
                emit(in.error() != null ? ImageResult.failed(in.path(), in.error()) : processor.process(in.path()),
                        results);
            }
            return;
        }
        List<Path> paths = new ArrayList<>();
        for (ImageInputs.Input in : inputs) {
            if (in.error() == null) {
                paths.add(in.path());
            }
        }
        int[] cursor = {0};
        new BatchDetector(detector, decoder, workers, streams, maxPixels, keepImages).run(paths, item -> {
            emitErrorsBefore(cursor, results);
            emit(processor.finish(item), results);
            cursor[0]++;
        });
        emitErrorsBefore(cursor, results);
    }

    /** Prints the inputs without an image that come before the next image in the list. */
    private void emitErrorsBefore(int[] cursor, List<ImageResult> results) {
        while (cursor[0] < inputs.size() && inputs.get(cursor[0]).error() != null) {
            ImageInputs.Input in = inputs.get(cursor[0]);
            emit(ImageResult.failed(in.path(), in.error()), results);
            cursor[0]++;
        }
    }

    private void emit(ImageResult r, List<ImageResult> results) {
        results.add(r);
        if (progress != null) {
            progress.clear();
        }
        lines.println(r.line());
        lines.flush();
        done++;
        if (progress != null) {
            progress.update(done);
        }
    }
}
