package io.github.scrfd4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadedLibrariesTest {
    @Test
    void findsTheMappedFileByNamePrefix() {
        List<String> maps = List.of(
                "7f1c2a000000-7f1c2a021000 rw-p 00000000 00:00 0 ",
                "7f1c2b000000-7f1c2b200000 r-xp 00000000 08:01 123 /usr/lib/x86_64-linux-gnu/libgomp.so.1.0.0",
                "7f1c2c000000-7f1c2c400000 r--p 00000000 08:01 456 /opt/tnn stock/lib/libTNN.so.0.3.0.0",
                "7f1c2c400000-7f1c2c900000 r-xp 00400000 08:01 456 /opt/tnn stock/lib/libTNN.so.0.3.0.0",
                "7f1c2d000000-7f1c2d100000 r-xp 00000000 08:01 789 /root/.javacpp/cache/x/libjnitnn.so",
                "7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]");
        assertEquals(Optional.of("/opt/tnn stock/lib/libTNN.so.0.3.0.0"), LoadedLibraries.find("libTNN.so", maps));
        assertEquals(Optional.of("/root/.javacpp/cache/x/libjnitnn.so"), LoadedLibraries.find("libjnitnn", maps));
        assertEquals(Optional.empty(), LoadedLibraries.find("libMNN.so", maps));
        assertEquals(Optional.of("/tmp/libonnxruntime.so (deleted)"), LoadedLibraries.find("libonnxruntime.so",
                List.of("1-2 r-xp 0 08:01 9 /tmp/libonnxruntime.so (deleted)")));
    }

    @Test
    void findsALibraryThisJvmLoaded() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "skipped: /proc/self/maps is Linux only");
        // libjava is mapped into every HotSpot process on Linux.
        assertTrue(LoadedLibraries.find("libjava.so").isPresent());
    }
}
