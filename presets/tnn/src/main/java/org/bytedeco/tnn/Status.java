package org.bytedeco.tnn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;
import org.bytedeco.javacpp.annotation.StdString;

/** {@code tnn::Status}: a code (0 = TNN_OK) and a message. */
@Namespace("tnn")
@Properties(inherit = org.bytedeco.tnn.presets.tnn.class)
public class Status extends Pointer {
    static {
        Loader.load();
    }

    public Status() {
        super((Pointer) null);
        allocate();
    }

    public Status(Pointer p) {
        super(p);
    }

    private native void allocate();

    public native @StdString String description();

    /** The numeric code (0 = TNN_OK). */
    public int code() {
        return TnnGlue.statusCode(this);
    }

    public boolean ok() {
        return code() == 0;
    }
}
