package dev.littlebrain.train;

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

    /**
     * The device training will actually use, for messages: "cpu" or "gpu(0)".
     *
     * @throws IllegalArgumentException when a GPU is asked for and the backend sees none
     * @throws IllegalStateException when no {@link TrainingBackend} is on the class path
     */
    public String describe() {
        return TrainingBackend.load().describe(this);
    }
}
