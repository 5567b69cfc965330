package org.bytedeco.mnn;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code Interpreter::getSessionOutputAll} as (index, name) pairs, in the map's name order. */
@Namespace("scrfd4j_mnn")
@Properties(inherit = org.bytedeco.mnn.presets.mnn.class)
public final class SessionOutputs {
    static {
        Loader.load();
    }

    private SessionOutputs() {
    }

    public static native int outputCount(Interpreter net, @Const Session session);

    /** Null when {@code i} is out of range. */
    public static native @Cast("const char*") BytePointer outputName(Interpreter net, @Const Session session, int i);
}
