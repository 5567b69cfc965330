package io.github.scrfd4j.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option value from a fixed set, spelled by {@link #id()}. Parsing errors list the valid spellings,
 * so that adding a constant (a new engine) updates both the help and the error message.
 */
interface Choice {
    String id();

    /** The constant of {@code type} spelled {@code text} (case-insensitive). */
    static <E extends Enum<E> & Choice> E parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", ids(type)) + " but was '"
                + text + "'");
    }

    static <E extends Enum<E> & Choice> List<String> ids(Class<E> type) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            out.add(e.id().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /**
     * picocli's converter and completion candidates for a choice enum, in one class: each enum
     * declares {@code static final class Values extends Choice.Values<ThatEnum>} with a no-argument
     * constructor, and options name it as both {@code converter} and {@code completionCandidates}.
     */
    abstract class Values<E extends Enum<E> & Choice> implements ITypeConverter<E>, Iterable<String> {
        private final Class<E> type;

        protected Values(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String value) {
            return parse(type, value);
        }

        @Override
        public Iterator<String> iterator() {
            return ids(type).iterator();
        }
    }
}
