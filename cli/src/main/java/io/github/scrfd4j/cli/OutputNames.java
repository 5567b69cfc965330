package io.github.scrfd4j.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks {@code <name>.jpg} in the output directory for each input, adding {@code _1}, {@code _2}, ...
 * when that file was already written in this run or is one of the inputs, so that an output directory
 * equal to an input directory never overwrites a photo.
 */
final class OutputNames {
    private final Path dir;
    private final Set<Path> taken = new HashSet<>();

    OutputNames(Path dir, List<Path> inputs) {
        this.dir = dir;
        for (Path p : inputs) {
            taken.add(key(p));
        }
    }

    Path next(Path input) {
        String file = input.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        Path candidate = dir.resolve(stem + ".jpg");
        for (int i = 1; taken.contains(key(candidate)); i++) {
            candidate = dir.resolve(stem + "_" + i + ".jpg");
        }
        taken.add(key(candidate));
        return candidate;
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
