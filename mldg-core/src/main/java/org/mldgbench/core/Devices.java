package org.mldgbench.core;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The one place where the compute device is chosen and the engine is started. Every tensor of a
 * run lives on the device returned here; nothing else assumes CPU.
 *
 * <p>The engine starts in offline mode ({@code ai.djl.offline=true} unless the user set the
 * property): the CPU native library comes from the {@code pytorch-native-cpu} jar and nothing is
 * downloaded. On a GPU machine, put a CUDA build of libtorch 2.7.1 where DJL finds it
 * ({@code PYTORCH_LIBRARY_PATH} and {@code PYTORCH_FLAVOR}, see the README).
 */
public final class Devices {

    public static final String ENGINE = "PyTorch";

    private Devices() {}

    /** The PyTorch engine, started offline. */
    public static Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        return Engine.getEngine(ENGINE);
    }

    /**
     * Parses {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:i}. {@code auto} takes GPU 0 when
     * the engine sees one and the CPU otherwise; asking for a GPU that is not there is an error.
     */
    public static Device select(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        int gpus = engine().getGpuCount();
        if (s.equals("auto")) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        if (s.equals("gpu") || s.startsWith("gpu:")) {
            int index;
            try {
                index = s.equals("gpu") ? 0 : Integer.parseInt(s.substring(4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("device '" + spec + "': expected gpu:<index>, e.g. gpu:0");
            }
            if (index < 0 || index >= gpus) {
                throw new IllegalArgumentException(
                        "device '" + spec + "' is not available: the " + ENGINE + " engine sees " + gpus
                                + " GPU(s); use --device cpu or auto, or install the CUDA native library (README)");
            }
            return Device.gpu(index);
        }
        throw new IllegalArgumentException("device '" + spec + "': expected auto, cpu, gpu or gpu:<index>");
    }
}
