package io.github.scrfd4j.cli;

import io.github.scrfd4j.decode.Convention;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;

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

    /** picocli converter. */
    static final class Converter implements ITypeConverter<ConventionChoice> {
        @Override
        public ConventionChoice convert(String value) {
            return Choice.parse(ConventionChoice.class, value);
        }
    }

    /** Values shown by {@code ${COMPLETION-CANDIDATES}}. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Choice.ids(ConventionChoice.class).iterator();
        }
    }
}
