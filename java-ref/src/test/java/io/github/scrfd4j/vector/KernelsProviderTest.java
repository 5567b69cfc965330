package io.github.scrfd4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs in both surefire passes: with the module (vector chosen) and without it (scalar fallback). */
class KernelsProviderTest {
    @Test
    void choosesVectorExactlyWhenTheModuleIsReadable() {
        Kernels k = KernelsProvider.get();
        if (KernelsProvider.vectorModulePresent()) {
            assertTrue(k.name().startsWith("vector"), k.name());
        } else {
            assertEquals("scalar", k.name());
            IllegalStateException e = assertThrows(IllegalStateException.class, KernelsProvider::vector);
            assertTrue(e.getMessage().contains("--add-modules jdk.incubator.vector"), e.getMessage());
        }
        assertEquals("scalar", KernelsProvider.scalar().name());
    }
}
