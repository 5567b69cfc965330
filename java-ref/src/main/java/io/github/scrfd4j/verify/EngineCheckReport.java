package io.github.scrfd4j.verify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Result of {@link EngineCheck}: per-output tensor differences and per-photo face differences.
 *
 * @param outputs per output tensor, in layout order
 * @param faces   one line per photo: face counts and the first face-level difference, if any
 * @param inputs  how many input tensors were compared
 */
public record EngineCheckReport(List<OutputDiff> outputs, List<String> faces, int inputs) {
    public boolean ok() {
        return outputs.stream().allMatch(OutputDiff::ok);
    }

    /** Names of the outputs beyond tolerance. */
    public List<String> diverging() {
        return outputs.stream().filter(d -> !d.ok()).map(OutputDiff::output).collect(Collectors.toList());
    }
}
