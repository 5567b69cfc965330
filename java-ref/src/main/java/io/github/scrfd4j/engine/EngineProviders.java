package io.github.scrfd4j.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The engines on the class path, found with {@link ServiceLoader}. Nothing here names an engine: an
 * application gets exactly the engines whose artifacts it depends on.
 */
public final class EngineProviders {
    private final List<EngineProvider> providers;

    private EngineProviders(List<EngineProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** The providers visible to this class's class loader, sorted by name. */
    public static EngineProviders load() {
        return load(EngineProviders.class.getClassLoader());
    }

    /** The providers visible to {@code loader}, sorted by name. */
    public static EngineProviders load(ClassLoader loader) {
        List<EngineProvider> found = new ArrayList<>();
        try {
            for (EngineProvider p : ServiceLoader.load(EngineProvider.class, loader)) {
                found.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new EngineException("a registered scrfd4j engine cannot be instantiated: " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(EngineProvider::name));
        return new EngineProviders(found);
    }

    /** An explicit set, for tests and for applications that wire engines by hand. */
    public static EngineProviders of(List<EngineProvider> providers) {
        List<EngineProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparing(EngineProvider::name));
        return new EngineProviders(sorted);
    }

    public List<EngineProvider> all() {
        return providers;
    }

    public List<String> names() {
        List<String> out = new ArrayList<>();
        providers.forEach(p -> out.add(p.name()));
        return out;
    }

    /** The engine called {@code name} (case-insensitive). */
    public Optional<EngineProvider> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return providers.stream().filter(p -> p.name().equals(n)).findFirst();
    }

    /**
     * The engine for a model format: the usable one of highest {@link EngineProvider#autoPriority()}
     * that loads it, else the first one that loads it at all (so that its unavailability can be
     * reported), else empty.
     */
    public Optional<EngineProvider> forFormat(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        Comparator<EngineProvider> byPriority = Comparator.comparingInt(EngineProvider::autoPriority).reversed();
        Optional<EngineProvider> usable = providers.stream().sorted(byPriority)
                .filter(p -> p.formats().contains(f) && p.availability().usable()).findFirst();
        return usable.isPresent() ? usable
                : providers.stream().sorted(byPriority).filter(p -> p.formats().contains(f)).findFirst();
    }
}
