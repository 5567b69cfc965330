package io.github.scrfd4j.models;

import io.github.scrfd4j.models.ModelResolutionException.Reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a model name or a path into local, verified files. For {@link #resolve} the order is:
 * <ol>
 * <li>an existing file path is used as is (TNN/NCNN companions derived from its extension);
 *     a path-like argument that does not exist is an error, never a download;</li>
 * <li>a manifest model name is looked up in the models directory ({@code $SCRFD4J_MODELS}),</li>
 * <li>then in the cache directory ({@code $XDG_CACHE_HOME/scrfd4j} or {@code ~/.cache/scrfd4j}),</li>
 * <li>then downloaded into the cache, unless downloads are disabled.</li>
 * </ol>
 * Files found locally are checked against the manifest's size and SHA-256 on every resolve
 * (they are a few MB, so hashing costs milliseconds and no marker files are needed).
 */
public final class ModelResolver {

    private final ModelManifest manifest;
    private final Path modelsDir;
    private final Path cacheDir;
    private final boolean downloadAllowed;
    private final Downloader downloader;

    /** Bundled manifest, {@code $SCRFD4J_MODELS}, the default cache, downloads allowed. */
    public ModelResolver() {
        this(ModelManifest.bundled(), envModelsDir(), defaultCacheDir(), true, new Downloader());
    }

    /**
     * @param manifest        known model files
     * @param modelsDir       directory searched first for model names (normally {@code $SCRFD4J_MODELS}); null for none
     * @param cacheDir        directory searched next and downloaded into
     * @param downloadAllowed whether a missing file may be downloaded
     * @param downloader      how to download (timeouts, progress)
     */
    public ModelResolver(ModelManifest manifest, Path modelsDir, Path cacheDir, boolean downloadAllowed,
                         Downloader downloader) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.modelsDir = modelsDir;
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.downloadAllowed = downloadAllowed;
        this.downloader = Objects.requireNonNull(downloader, "downloader");
    }

    /** {@code $SCRFD4J_MODELS} as a path, or null when unset or blank. */
    public static Path envModelsDir() {
        String v = System.getenv(ModelResolutionException.ENV);
        return v == null || v.isBlank() ? null : Paths.get(v);
    }

    /** {@code $XDG_CACHE_HOME/scrfd4j} when that variable is an absolute path, else {@code ~/.cache/scrfd4j}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        // The XDG spec says relative values are invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute()) {
            return Paths.get(xdg, "scrfd4j");
        }
        return Paths.get(System.getProperty("user.home"), ".cache", "scrfd4j");
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** The models directory searched first, or null. */
    public Path modelsDir() {
        return modelsDir;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /**
     * Finds (or downloads) the files of a model.
     *
     * @param nameOrPath a manifest model name such as {@code scrfd_2.5g_bnkps_shape640x640}, or a file path
     * @param format     which engine's files are wanted
     * @throws ModelResolutionException when the files cannot be found, fetched or verified
     */
    public ResolvedModel resolve(String nameOrPath, ModelFormat format) {
        Objects.requireNonNull(nameOrPath, "nameOrPath");
        Objects.requireNonNull(format, "format");
        Path asPath = Paths.get(nameOrPath);
        if (Files.isRegularFile(asPath)) {
            return fromPath(asPath, format);
        }
        if (looksLikePath(nameOrPath)) {
            String hint = manifest.byFile(asPath.getFileName().toString())
                    .map(f -> "To use the known model, pass its name '" + f.name() + "' instead of a file name.")
                    .orElse("Check the path, or pass a known model name: " + String.join(", ", manifest.names()) + ".");
            throw new ModelResolutionException(Reason.NOT_FOUND, nameOrPath,
                    "no such file " + asPath.toAbsolutePath(), hint, null);
        }
        if (manifest.byName(nameOrPath).isEmpty()) {
            throw new ModelResolutionException(Reason.UNKNOWN_MODEL, nameOrPath, "unknown model name",
                    "Known models: " + String.join(", ", manifest.names()) + ". Or pass a path to a model file.", null);
        }
        List<ModelFile> wanted = manifest.files(nameOrPath, format);
        if (wanted.isEmpty()) {
            throw new ModelResolutionException(Reason.UNSUPPORTED_FORMAT, nameOrPath,
                    "no " + format + " files for this model",
                    "It is available as " + manifest.formats(nameOrPath) + "; or pass a path to a " + format + " model file.", null);
        }
        List<Path> files = new ArrayList<>();
        for (ModelFile f : wanted) {
            files.add(locate(f));
        }
        return new ResolvedModel(nameOrPath, format, files);
    }

    /** Presence and verification of every manifest file, in manifest order. Reads and hashes, never downloads. */
    public List<ModelStatus> status() {
        List<ModelStatus> out = new ArrayList<>();
        for (ModelFile f : manifest.files()) {
            ModelStatus.Location where = ModelStatus.Location.MISSING;
            Path p = null;
            if (modelsDir != null && Files.isRegularFile(modelsDir.resolve(f.file()))) {
                where = ModelStatus.Location.MODELS_DIR;
                p = modelsDir.resolve(f.file());
            } else if (Files.isRegularFile(cacheDir.resolve(f.file()))) {
                where = ModelStatus.Location.CACHE;
                p = cacheDir.resolve(f.file());
            }
            String problem = p == null ? null : mismatch(f, p);
            out.add(new ModelStatus(f, where, p, p != null && problem == null, problem));
        }
        return out;
    }

    private Path locate(ModelFile f) {
        if (modelsDir != null) {
            Path p = modelsDir.resolve(f.file());
            if (Files.isRegularFile(p)) {
                String problem = mismatch(f, p);
                if (problem != null) {
                    // The user put this file there; replacing it behind their back would hide the problem.
                    throw new ModelResolutionException(problem.startsWith("checksum") ? Reason.CHECKSUM_MISMATCH
                            : Reason.SIZE_MISMATCH, f.file(), problem + " in " + p + " ($" + ModelResolutionException.ENV + ")",
                            "Replace it with a good copy from " + f.url() + ", or remove it so that the copy in "
                                    + cacheDir + " is used (downloaded if needed).", null);
                }
                return p;
            }
        }
        Path cached = cacheDir.resolve(f.file());
        String cacheProblem = null;
        if (Files.isRegularFile(cached)) {
            cacheProblem = mismatch(f, cached);
            if (cacheProblem == null) {
                return cached;
            }
        }
        if (!downloadAllowed) {
            String problem = cacheProblem != null ? cacheProblem + " in " + cached
                    : "not found in " + (modelsDir == null ? "$" + ModelResolutionException.ENV + " (unset)" : modelsDir)
                    + " or " + cacheDir + ", and downloading is disabled";
            Reason r = cacheProblem == null ? Reason.DOWNLOAD_DISABLED
                    : cacheProblem.startsWith("checksum") ? Reason.CHECKSUM_MISMATCH : Reason.SIZE_MISMATCH;
            throw ModelResolutionException.forFile(r, f, problem, cacheDir, null);
        }
        // A bad cached copy is ours to replace; the download's atomic rename overwrites it.
        return downloader.download(f, cacheDir);
    }

    /** Why a local file does not match its manifest row, or null when it does. */
    private String mismatch(ModelFile f, Path p) {
        try {
            long size = Files.size(p);
            if (size != f.bytes()) {
                return "wrong size: " + size + " bytes, expected " + f.bytes();
            }
            String actual = Sha256.of(p);
            return actual.equals(f.sha256()) ? null
                    : "checksum mismatch: expected sha256 " + f.sha256() + ", got " + actual;
        } catch (IOException e) {
            throw ModelResolutionException.forFile(Reason.IO_ERROR, f, "cannot read " + p + " (" + e + ")", cacheDir, e);
        }
    }

    private static boolean looksLikePath(String s) {
        return s.indexOf('/') >= 0 || s.indexOf('\\') >= 0 || FileKind.ofFileName(s) != null;
    }

    /** Uses a given file, adding the companion a two-file format needs. */
    private static ResolvedModel fromPath(Path path, ModelFormat format) {
        String fileName = path.getFileName().toString();
        FileKind kind = FileKind.ofFileName(fileName);
        String name = kind == null ? fileName : fileName.substring(0, fileName.length() - kind.extension().length());
        if (format.kinds().size() == 1) {
            // Single-file formats accept any extension; users rename files.
            if (kind != null && kind.format() != format) {
                throw new ModelResolutionException(Reason.UNSUPPORTED_FORMAT, path.toString(),
                        "the " + kind.extension() + " extension means " + kind.format() + ", not " + format,
                        "Ask for format " + kind.format() + ", or pass a " + format + " file.", null);
            }
            return new ResolvedModel(name, format, List.of(path));
        }
        if (kind == null || kind.format() != format) {
            throw new ModelResolutionException(Reason.UNSUPPORTED_FORMAT, path.toString(),
                    format + " needs files named *" + format.kinds().get(0).extension() + " and *"
                            + format.kinds().get(1).extension(),
                    "Pass one of the pair; the other is looked for beside it.", null);
        }
        List<Path> files = new ArrayList<>();
        for (FileKind k : format.kinds()) {
            Path p = path.resolveSibling(name + k.extension());
            if (!Files.isRegularFile(p)) {
                throw new ModelResolutionException(Reason.NOT_FOUND, p.toString(),
                        "missing companion of " + path + " (" + format + " needs both " + format.kinds().get(0).extension()
                                + " and " + format.kinds().get(1).extension() + ")",
                        "Put " + p.getFileName() + " beside " + path.getFileName() + ".", null);
            }
            files.add(p);
        }
        return new ResolvedModel(name, format, files);
    }
}
