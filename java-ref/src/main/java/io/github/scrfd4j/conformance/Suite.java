package io.github.scrfd4j.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conformance suite on disk: {@code suite.json} listing every case (name, level, rule, directory),
 * and one directory per case under {@code post/}, {@code pre/} and {@code decode/}. Writing is
 * deterministic: the same cases give the same bytes.
 */
public final class Suite {
    public static final String INDEX = "suite.json";

    /** One case of the index; {@code convention} is "lite" or "insightface", null for decoding cases. */
    public record Entry(String name, String level, String rule, String dir, String convention) {
    }

    private final Path root;
    private final long seed;
    private final List<Entry> entries;

    private Suite(Path root, long seed, List<Entry> entries) {
        this.root = root;
        this.seed = seed;
        this.entries = entries;
    }

    public Path root() {
        return root;
    }

    public long seed() {
        return seed;
    }

    public List<Entry> entries() {
        return entries;
    }

    public Path dir(Entry e) {
        return root.resolve(e.dir());
    }

    /** Starts a suite in {@code root} (created; existing cases of the same names are overwritten). */
    public static Suite create(Path root, long seed) throws IOException {
        Files.createDirectories(root);
        return new Suite(root, seed, new ArrayList<>());
    }

    public void add(PostCase c) throws IOException {
        c.write(register(c.name(), PostCase.LEVEL, c.rule(), Cases.conventionName(c.convention())));
    }

    public void add(PreCase c) throws IOException {
        c.write(register(c.name(), PreCase.LEVEL, c.rule(), Cases.conventionName(c.convention())));
    }

    public void add(DecodeCase c) throws IOException {
        c.write(register(c.name(), DecodeCase.LEVEL, c.rule(), null));
    }

    private Path register(String name, String level, String rule, String convention) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("case names are letters, digits, '.', '_' and '-': " + name);
        }
        for (Entry e : entries) {
            if (e.name().equals(name) && e.level().equals(level)) {
                throw new IllegalArgumentException("two " + level + " cases named " + name);
            }
        }
        Entry e = new Entry(name, level, rule, level + "/" + name, convention);
        entries.add(e);
        return root.resolve(e.dir());
    }

    /** Writes {@code suite.json}. */
    public void finish() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", Cases.FORMAT);
        m.put("version", Cases.VERSION);
        m.put("seed", seed);
        List<Object> list = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("name", e.name());
            em.put("level", e.level());
            em.put("rule", e.rule());
            em.put("dir", e.dir());
            em.put("convention", e.convention());
            list.add(em);
        }
        m.put("cases", list);
        StringBuilder sb = new StringBuilder(Json.write(m));
        Files.writeString(root.resolve(INDEX), sb.append('\n').toString());
    }

    /** Opens a suite written by {@link #finish()}. */
    @SuppressWarnings("unchecked")
    public static Suite open(Path root) throws IOException {
        Path index = root.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            throw new IOException(root + " holds no " + INDEX + ": not a conformance suite (run 'conformance export')");
        }
        Map<String, Object> m = (Map<String, Object>) Json.parse(Files.readString(index));
        if (!Cases.FORMAT.equals(m.get("format")) || ((Number) m.get("version")).intValue() != Cases.VERSION) {
            throw new IOException(index + ": not a " + Cases.FORMAT + " version " + Cases.VERSION + " suite");
        }
        List<Entry> entries = new ArrayList<>();
        for (Object o : (List<Object>) m.get("cases")) {
            Map<String, Object> e = (Map<String, Object>) o;
            entries.add(new Entry((String) e.get("name"), (String) e.get("level"), (String) e.get("rule"),
                    (String) e.get("dir"), (String) e.get("convention")));
        }
        return new Suite(root, ((Number) m.get("seed")).longValue(), entries);
    }
}
