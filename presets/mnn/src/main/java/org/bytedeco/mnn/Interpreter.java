package org.bytedeco.mnn;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.ByRef;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;
import org.bytedeco.javacpp.annotation.StdVector;

/**
 * {@code MNN::Interpreter}: a loaded model. Not deleted by the GC: release it with
 * {@link #destroy(Interpreter)} (the owner's job, once its sessions are released).
 */
@Namespace("MNN")
@Properties(inherit = org.bytedeco.mnn.presets.mnn.class)
public class Interpreter extends Pointer {
    static {
        Loader.load();
    }

    /** {@code SessionInfoCode} values for {@link #getSessionInfo}. */
    public static final int MEMORY = 0;
    public static final int FLOPS = 1;
    public static final int BACKENDS = 2;
    public static final int RESIZE_STATUS = 3;
    public static final int THREAD_NUMBER = 4;

    public Interpreter(Pointer p) {
        super(p);
    }

    /** Null when the file is missing or not a valid MNN model. */
    public static native Interpreter createFromFile(String file);

    /** Null when the buffer is not a valid MNN model. The buffer may be freed afterwards. */
    public static native Interpreter createFromBuffer(@Const Pointer buffer, @Cast("size_t") long size);

    public static native void destroy(Interpreter net);

    public native Session createSession(@Const @ByRef ScheduleConfig config);

    public native @Cast("bool") boolean releaseSession(Session session);

    public native void resizeSession(Session session);

    public native void resizeTensor(Tensor tensor, @StdVector IntPointer dims);

    public native void resizeTensor(Tensor tensor, int batch, int channel, int height, int width);

    /** Frees the model weights once sessions exist (they keep what they need). */
    public native void releaseModel();

    /** {@code ErrorCode} as int: 0 is NO_ERROR. */
    public native @Cast("int") int runSession(Session session);

    /** Input by name; null name: the first input. */
    public native Tensor getSessionInput(@Const Session session, @Cast("const char*") BytePointer name);

    /** Output by name; null name: the first output. */
    public native Tensor getSessionOutput(@Const Session session, @Cast("const char*") BytePointer name);

    public native @Cast("bool") boolean getSessionInfo(@Const Session session,
            @Cast("MNN::Interpreter::SessionInfoCode") int code, Pointer ptr);

    public native @Cast("const char*") BytePointer bizCode();

    public native @Cast("const char*") BytePointer uuid();

    public native @Cast("const char*") BytePointer getModelVersion();
}
