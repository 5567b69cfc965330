package io.github.scrfd4j.models;

import java.nio.file.Path;

/**
 * A model file could not be found, fetched or verified. The message names the wanted file,
 * what went wrong, and how to fix it by hand.
 */
public class ModelResolutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Name of the environment variable that points at a directory of model files. */
    public static final String ENV = "SCRFD4J_MODELS";

    /** What went wrong, for callers that react differently (e.g. CLI exit codes). */
    public enum Reason {
        /** No such model name. */
        UNKNOWN_MODEL,
        /** The model has no files in the requested format. */
        UNSUPPORTED_FORMAT,
        /** A given path, or a companion file next to it, does not exist. */
        NOT_FOUND,
        /** Not present locally and downloading is disabled. */
        DOWNLOAD_DISABLED,
        /** Content does not hash to the manifest's SHA-256. */
        CHECKSUM_MISMATCH,
        /** A local file has the wrong size. */
        SIZE_MISMATCH,
        /** The download ended before all bytes arrived. */
        TRUNCATED,
        /** The server answered with a non-200 status. */
        HTTP_STATUS,
        /** Connection refused, unknown host, no route. */
        UNREACHABLE,
        /** Connect or read timed out. */
        TIMEOUT,
        /** Local I/O failed (permissions, disk full, ...). */
        IO_ERROR
    }

    private final Reason reason;
    private final String wanted;

    /**
     * @param wanted  the model name, file name or path that was asked for
     * @param problem what went wrong
     * @param remedy  what the user can do about it
     */
    public ModelResolutionException(Reason reason, String wanted, String problem, String remedy, Throwable cause) {
        super("Cannot get model '" + wanted + "': " + problem + ".\n" + remedy, cause);
        this.reason = reason;
        this.wanted = wanted;
    }

    /** A failure to obtain a manifest file, with the standard advice on installing it by hand. */
    static ModelResolutionException forFile(Reason reason, ModelFile file, String problem, Path cacheDir, Throwable cause) {
        return new ModelResolutionException(reason, file.file(), problem, manualInstall(file, cacheDir), cause);
    }

    /** Where to put a file by hand: the cache directory or $SCRFD4J_MODELS, and the URL to get it from. */
    static String manualInstall(ModelFile file, Path cacheDir) {
        return "To install it by hand, download " + file.url()
                + " (" + file.bytes() + " bytes, sha256 " + file.sha256() + ")"
                + " and save it as " + cacheDir.resolve(file.file())
                + ", or put it in a directory and set $" + ENV + " to that directory.";
    }

    public Reason reason() {
        return reason;
    }

    /** The model name, file name or path that was asked for. */
    public String wanted() {
        return wanted;
    }
}
