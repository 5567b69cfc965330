package org.bytedeco.mnn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Properties;

/** {@code MNN::ScheduleConfig}: forward type, threads (or GPU mode), backup type, backend config. */
@Namespace("MNN")
@Properties(inherit = org.bytedeco.mnn.presets.mnn.class)
public class ScheduleConfig extends Pointer {
    static {
        Loader.load();
    }

    public ScheduleConfig() {
        super((Pointer) null);
        allocate();
    }

    public ScheduleConfig(Pointer p) {
        super(p);
    }

    private native void allocate();

    public native @Cast("MNNForwardType") int type();

    public native ScheduleConfig type(@Cast("MNNForwardType") int v);

    /** CPU threads (shares storage with {@link #mode()}, the GPU mode). */
    public native int numThread();

    public native ScheduleConfig numThread(int v);

    public native int mode();

    public native ScheduleConfig mode(int v);

    public native @Cast("MNNForwardType") int backupType();

    public native ScheduleConfig backupType(@Cast("MNNForwardType") int v);

    /** Not owned: keep the {@link BackendConfig} alive while this config is used. */
    public native BackendConfig backendConfig();

    public native ScheduleConfig backendConfig(BackendConfig v);
}
