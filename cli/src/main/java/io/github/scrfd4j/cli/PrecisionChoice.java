package io.github.scrfd4j.cli;

import io.github.scrfd4j.engine.EnginePrecision;

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

    /** picocli converter and completion candidates. */
    static final class Values extends Choice.Values<PrecisionChoice> {
        Values() {
            super(PrecisionChoice.class);
        }
    }
}
