package io.github.scrfd4j.cli;

import io.github.scrfd4j.engine.EnginePrecision;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;

/** {@code --precision} spellings of {@link EnginePrecision}. */
enum PrecisionChoice implements Choice {
    EXACT("exact", EnginePrecision.EXACT),
    FAST("fast", EnginePrecision.FAST);

    private final String id;
    private final EnginePrecision precision;

    PrecisionChoice(String id, EnginePrecision precision) {
        this.id = id;
        this.precision = precision;
    }

    @Override
    public String id() {
        return id;
    }

    EnginePrecision precision() {
        return precision;
    }

    /** picocli converter. */
    static final class Converter implements ITypeConverter<PrecisionChoice> {
        @Override
        public PrecisionChoice convert(String value) {
            return Choice.parse(PrecisionChoice.class, value);
        }
    }

    /** Values shown by {@code ${COMPLETION-CANDIDATES}}. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Choice.ids(PrecisionChoice.class).iterator();
        }
    }
}
