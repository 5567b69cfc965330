package io.github.scrfd4j.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The published face counts of testdata/reference-counts.tsv (see testdata/README.md). */
public final class ReferenceCounts {
    private ReferenceCounts() {
    }

    /** photo -> faces for a convention name (LITE_AI_TOOLKIT or INSIGHTFACE). */
    public static Map<String, Integer> forConvention(String convention) {
        String dir = System.getProperty("scrfd.testdata");
        assumeTrue(dir != null, "skipped: system property scrfd.testdata is not set (run through Maven)");
        Path tsv = Paths.get(dir, "reference-counts.tsv");
        try {
            List<String> lines = Files.readAllLines(tsv);
            Map<String, Integer> out = new TreeMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split("\t");
                if (c.length >= 3 && c[1].equals(convention)) {
                    out.put(c[0], Integer.parseInt(c[2]));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("no reference counts for " + convention + " in " + tsv);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tsv, e);
        }
    }
}
