package io.github.scrfd4j.network;

import io.github.scrfd4j.engine.EngineSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers of a Java network session grouped by kind ("Conv 3x3", "Conv 1x1", "Relu", ...), each
 * group runnable on its own over the session's current arrays, so that a benchmark can time every
 * kind's share of a run (the bench's per-operator breakdown). Run the session once first, so that
 * every layer's input holds real data.
 */
public final class LayerProfile {
    private final JavaNetworkSession session;
    private final Map<String, List<Layer>> byKind = new LinkedHashMap<>();

    private LayerProfile(JavaNetworkSession session) {
        this.session = session;
        for (Layer l : session.plan().layers) {
            byKind.computeIfAbsent(l.kind, k -> new ArrayList<>()).add(l);
        }
    }

    /** The profile of a session of a {@link JavaNetwork} that has run at least once. */
    public static LayerProfile of(EngineSession session) {
        if (!(session instanceof JavaNetworkSession)) {
            throw new IllegalArgumentException("not a Java network session: " + session);
        }
        JavaNetworkSession s = (JavaNetworkSession) session;
        if (s.plan() == null) {
            throw new IllegalStateException("run the session once before profiling it");
        }
        return new LayerProfile(s);
    }

    /** The kinds of layer in run order of first appearance. */
    public List<String> kinds() {
        return List.copyOf(byKind.keySet());
    }

    /** Multiply-adds (or element operations) of each kind per run. */
    public Map<String, Long> work() {
        Map<String, Long> out = new LinkedHashMap<>();
        byKind.forEach((k, ls) -> out.put(k, ls.stream().mapToLong(Layer::work).sum()));
        return out;
    }

    /**
     * Runs the whole network once, layer by layer in order, and returns each kind's nanoseconds in
     * that run (so that cache effects between layers count, unlike {@link #run(String)}).
     */
    public Map<String, Long> timeOneRun() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Layer l : session.plan().layers) {
            long t = System.nanoTime();
            session.runLayers(List.of(l));
            out.merge(l.kind, System.nanoTime() - t, Long::sum);
        }
        return out;
    }

    /** Runs every layer of {@code kind} once; returns how many ran. */
    public int run(String kind) {
        List<Layer> ls = byKind.get(kind);
        if (ls == null) {
            throw new IllegalArgumentException("no layer of kind '" + kind + "' (kinds: " + kinds() + ")");
        }
        session.runLayers(ls);
        return ls.size();
    }
}
