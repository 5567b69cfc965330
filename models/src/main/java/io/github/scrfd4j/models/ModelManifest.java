package io.github.scrfd4j.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The list of known model files, read from a tab-separated file whose header names the columns
 * {@code name file format variant input landmarks sha256 bytes url} (any order; extra columns ignored).
 * Blank lines and lines starting with {@code #} are skipped.
 */
public final class ModelManifest {

    /** The bundled manifest's resource name, relative to this class. */
    public static final String RESOURCE = "manifest.tsv";

    private static final List<String> COLUMNS =
            List.of("name", "file", "format", "variant", "input", "landmarks", "sha256", "bytes", "url");

    private final List<ModelFile> files;

    private ModelManifest(List<ModelFile> files) {
        this.files = List.copyOf(files);
    }

    /** The manifest shipped inside this jar. */
    public static ModelManifest bundled() {
        try (InputStream in = ModelManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + RESOURCE + " missing from the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + RESOURCE, e);
        }
    }

    /** Reads a manifest from a TSV file. */
    public static ModelManifest load(Path tsv) throws IOException {
        try (Reader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            return parse(r, tsv.toString());
        }
    }

    /**
     * Parses manifest text.
     *
     * @param source named in error messages, e.g. the file path
     * @throws IllegalArgumentException naming {@code source} and the line of a malformed row
     */
    public static ModelManifest parse(Reader text, String source) throws IOException {
        BufferedReader in = new BufferedReader(text);
        Map<String, Integer> col = null;
        List<ModelFile> rows = new ArrayList<>();
        Set<String> fileNames = new HashSet<>();
        Set<String> nameKinds = new HashSet<>();
        int lineNo = 0;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (col == null) {
                col = header(cells, source, lineNo);
                continue;
            }
            String where = source + " line " + lineNo;
            if (cells.length < col.size()) {
                throw new IllegalArgumentException(where + ": expected " + col.size() + " tab-separated columns, got " + cells.length);
            }
            ModelFile f;
            try {
                f = row(cells, col);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            if (!fileNames.add(f.file())) {
                throw new IllegalArgumentException(where + ": duplicate file " + f.file());
            }
            if (!nameKinds.add(f.name() + "\t" + f.kind())) {
                throw new IllegalArgumentException(where + ": model " + f.name() + " already has a " + f.kind().id() + " file");
            }
            rows.add(f);
        }
        if (col == null) {
            throw new IllegalArgumentException(source + ": empty manifest, expected a header line");
        }
        return new ModelManifest(rows);
    }

    private static Map<String, Integer> header(String[] cells, String source, int lineNo) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            col.put(cells[i].trim(), i);
        }
        List<String> missing = new ArrayList<>();
        for (String c : COLUMNS) {
            if (!col.containsKey(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + " line " + lineNo + ": header lacks column(s) " + missing
                    + "; found " + Arrays.toString(cells));
        }
        return col;
    }

    private static ModelFile row(String[] cells, Map<String, Integer> col) {
        String landmarks = cell(cells, col, "landmarks");
        if (!landmarks.equals("yes") && !landmarks.equals("no")) {
            throw new IllegalArgumentException("landmarks must be yes or no, got '" + landmarks + "'");
        }
        String input = cell(cells, col, "input");
        if (!input.equals("dynamic") && !input.matches("[1-9][0-9]*x[1-9][0-9]*")) {
            throw new IllegalArgumentException("input must be WxH or dynamic, got '" + input + "'");
        }
        String bytes = cell(cells, col, "bytes");
        long size;
        try {
            size = Long.parseLong(bytes);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bytes is not a number: '" + bytes + "'", e);
        }
        URI url;
        try {
            url = new URI(cell(cells, col, "url"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad url: " + e.getMessage(), e);
        }
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("url must be http(s): " + url);
        }
        return new ModelFile(cell(cells, col, "name"), cell(cells, col, "file"),
                FileKind.parse(cell(cells, col, "format")), cell(cells, col, "variant"), input,
                landmarks.equals("yes"), cell(cells, col, "sha256"), size, url);
    }

    private static String cell(String[] cells, Map<String, Integer> col, String name) {
        String v = cells[col.get(name)].trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty " + name);
        }
        return v;
    }

    /** All files, in manifest order. */
    public List<ModelFile> files() {
        return files;
    }

    /** Distinct model names, in manifest order. */
    public List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        files.forEach(f -> names.add(f.name()));
        return List.copyOf(names);
    }

    /** All files of one model (any format); empty when the name is unknown. */
    public List<ModelFile> byName(String name) {
        return files.stream().filter(f -> f.name().equals(name)).toList();
    }

    /** All files belonging to one engine format. */
    public List<ModelFile> byFormat(ModelFormat format) {
        return files.stream().filter(f -> f.format() == format).toList();
    }

    /** The row for a file name such as {@code scrfd_500m.onnx}. */
    public Optional<ModelFile> byFile(String fileName) {
        return files.stream().filter(f -> f.file().equals(fileName)).findFirst();
    }

    /**
     * The files of one model in one format, in the engine's load order;
     * empty unless the manifest has every file the format needs.
     */
    public List<ModelFile> files(String name, ModelFormat format) {
        List<ModelFile> out = new ArrayList<>();
        for (FileKind k : format.kinds()) {
            Optional<ModelFile> f = files.stream().filter(m -> m.name().equals(name) && m.kind() == k).findFirst();
            if (f.isEmpty()) {
                return List.of();
            }
            out.add(f.get());
        }
        return List.copyOf(out);
    }

    /** The formats a model is available in. */
    public List<ModelFormat> formats(String name) {
        List<ModelFormat> out = new ArrayList<>();
        for (ModelFormat f : ModelFormat.values()) {
            if (!files(name, f).isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }
}
