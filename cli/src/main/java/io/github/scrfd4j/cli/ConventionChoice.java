package io.github.scrfd4j.cli;

import io.github.scrfd4j.decode.Convention;

/** {@code --convention} spellings of {@link Convention}. */
enum ConventionChoice implements Choice {
    LITE("lite", Convention.LITE_AI_TOOLKIT),
    INSIGHTFACE("insightface", Convention.INSIGHTFACE);

    private final String id;
    private final Convention convention;

    ConventionChoice(String id, Convention convention) {
        this.id = id;
        this.convention = convention;
    }

    @Override
    public String id() {
        return id;
    }

    Convention convention() {
        return convention;
    }

    /** picocli converter and completion candidates. */
    static final class Values extends Choice.Values<ConventionChoice> {
        Values() {
            super(ConventionChoice.class);
        }
    }
}
