package io.github.scrfd4j.cli;

import io.github.scrfd4j.engine.EngineProviders;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** {@code --engine} values for help and completion: auto, then the engines found on the class path. */
final class EngineNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        List<String> names = new ArrayList<>();
        names.add(EngineSelector.AUTO);
        names.addAll(EngineProviders.load().names());
        return names.iterator();
    }
}
