package dev.lexis.nn.kernel;

import java.lang.System.Logger.Level;

/** Picks the kernels once per JVM (see {@link Kernels}). */
final class KernelSelection {
    static final Kernels SCALAR = new ScalarKernels();
    static final Kernels VECTOR = loadVector();
    static final Kernels CHOSEN = choose();

    private KernelSelection() {
    }

    private static Kernels loadVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return (Kernels) Class.forName("dev.lexis.nn.kernel.VectorKernels")
                    .getDeclaredConstructor().newInstance();
        } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
            System.getLogger("dev.lexis.nn.kernel").log(Level.WARNING,
                    "jdk.incubator.vector is present but the Vector API kernels could not be loaded: " + e);
            return null;
        }
    }

    private static Kernels choose() {
        String forced = System.getProperty("lexis.nn.kernels", "").trim();
        Kernels chosen;
        String why;
        if (forced.equalsIgnoreCase("scalar")) {
            chosen = SCALAR;
            why = "forced by -Dlexis.nn.kernels=scalar";
        } else if (VECTOR != null) {
            chosen = VECTOR;
            why = "jdk.incubator.vector is available";
        } else {
            chosen = SCALAR;
            why = "jdk.incubator.vector is not available (start the JVM with --add-modules jdk.incubator.vector)";
        }
        // the usual choice is logged at DEBUG (java.util.logging FINE: not shown by default, so a command's stderr
        // stays clean); the slow fallback nobody asked for is a warning
        boolean unforcedFallback = chosen == SCALAR && !forced.equalsIgnoreCase("scalar");
        System.getLogger("dev.lexis.nn.kernel").log(unforcedFallback ? Level.WARNING : Level.DEBUG,
                "nn kernels: " + chosen.name() + ", " + GemmDriver.THREADS + " GEMM thread(s) (" + why + ")");
        return chosen;
    }
}
