package io.github.scrfd4j.cli;

import io.github.scrfd4j.decode.OutputLayoutException;
import io.github.scrfd4j.engine.EngineException;
import io.github.scrfd4j.models.ModelResolutionException;
import java.io.PrintWriter;

/** Turns an exception into an {@code error: } message on stderr and an exit code. */
final class ErrorReporter {
    private ErrorReporter() {
    }

    /** True for failures to resolve or load a model (exit code 3). */
    static boolean isModelError(Throwable e) {
        return e instanceof ModelResolutionException || e instanceof EngineException
                || e instanceof OutputLayoutException;
    }

    /** Prints {@code error: <message>} (and the stack trace when verbose); returns the exit code. */
    static int report(Throwable e, PrintWriter err, boolean verbose) {
        boolean expected = isModelError(e);
        String hint = expected || verbose ? "" : " (run with --verbose for details)";
        err.println("error: " + message(e) + hint);
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return expected ? ExitCodes.MODEL : ExitCodes.IMAGE_FAILED;
    }

    /** The exception's message, or its type when it has none. */
    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
