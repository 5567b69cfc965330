package io.github.scrfd4j.cli;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming JSON writer (compact output). It places commas and escapes strings; it does not
 * check that calls are balanced. Written by hand so that the CLI needs no JSON library.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private final Deque<Boolean> enclosing = new ArrayDeque<>();
    private boolean needComma;
    private boolean afterName;

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    /** An object member's name; the next call writes its value. */
    JsonWriter name(String name) {
        separate();
        quote(name, out);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        separate();
        if (s == null) {
            out.append("null");
        } else {
            quote(s, out);
        }
        return this;
    }

    JsonWriter value(long v) {
        separate();
        out.append(v);
        return this;
    }

    /** Shortest text that reads back as the same float; NaN and infinities (not JSON) as null. */
    JsonWriter value(float v) {
        separate();
        out.append(Float.isFinite(v) ? Float.toString(v) : "null");
        return this;
    }

    JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private JsonWriter open(char c) {
        separate();
        out.append(c);
        enclosing.push(needComma);
        needComma = false;
        return this;
    }

    private JsonWriter close(char c) {
        out.append(c);
        needComma = enclosing.pop();
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (needComma) {
            out.append(',');
        }
        needComma = true;
    }

    /** Appends {@code s} as a JSON string literal (RFC 8259 escapes; control characters as {@code \}{@code uXXXX}). */
    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
