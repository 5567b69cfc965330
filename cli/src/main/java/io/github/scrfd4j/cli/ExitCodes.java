package io.github.scrfd4j.cli;

/** The CLI's exit codes, and their usage-help text. */
final class ExitCodes {
    /** Every image was processed. */
    static final int OK = 0;
    /** At least one image (or output file) failed; the others were still processed. */
    static final int IMAGE_FAILED = 1;
    /** Malformed command line (picocli's own code for usage errors). */
    static final int USAGE = 2;
    /** The model could not be resolved or loaded. */
    static final int MODEL = 3;
    /** verify-engine: the engine's outputs diverge from the reference engine's. */
    static final int DIVERGES = 4;

    static final String HEADING = "%nExit codes:%n";
    static final String LIST_0 = "0:every image was processed";
    static final String LIST_1 = "1:at least one image or output file failed (the others were still processed)";
    static final String LIST_2 = "2:usage error: unknown option, bad value or missing argument";
    static final String LIST_3 = "3:the model could not be resolved, downloaded or loaded";
    static final String LIST_4 = "4:verify-engine: outputs differ from ONNX Runtime beyond tolerance";

    private ExitCodes() {
    }
}
