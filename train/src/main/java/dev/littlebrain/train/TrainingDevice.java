package dev.littlebrain.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * Where training runs. LittleBrain ships the CPU build of libtorch, which is seeded and reproducible; a user
 * with an NVIDIA GPU points DJL at a CUDA build of the same libtorch ({@code PYTORCH_LIBRARY_PATH}) and
 * {@link #AUTO} then trains on the GPU (not bit-reproducible: cuDNN picks its own algorithms).
 */
public enum TrainingDevice {
    /** The first CUDA GPU PyTorch sees, else the CPU. */
    AUTO,
    CPU,
    /** The first CUDA GPU; an error when PyTorch sees none. */
    GPU;

    /** Parses {@code auto}, {@code cpu} or {@code gpu} (any case). */
    public static TrainingDevice parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown training device '" + name + "'; choose auto, cpu or gpu");
        }
    }

    /** The DJL device this choice means on {@code engine}. */
    Device resolve(Engine engine) {
        int gpus = engine.getGpuCount();
        return switch (this) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("no CUDA GPU is visible to PyTorch: LittleBrain bundles the CPU"
                            + " build of libtorch; to train on a GPU, set PYTORCH_LIBRARY_PATH to a CUDA build of"
                            + " libtorch " + engine.getVersion() + " and run again (or use --device cpu)");
                }
                yield Device.gpu();
            }
        };
    }

    /** The device training will actually use, for messages: "cpu" or "gpu(0)". */
    public String describe() {
        Device d = resolve(Network.engine());
        return d.isGpu() ? "gpu(" + d.getDeviceId() + ")" : "cpu";
    }
}
