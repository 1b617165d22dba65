package dev.littlebrain.train;

import java.util.ServiceLoader;

/**
 * What fits a {@link ModelSpec}: the seam between LittleBrain and a tensor engine. The one implementation,
 * {@code littlebrain-train-pytorch}, trains with PyTorch through DJL and brings libtorch; a program that only
 * classifies, tests or deploys leaves it out and never loads a native engine. Found with {@link ServiceLoader}.
 */
public interface TrainingBackend {
    /** The artifact that brings the PyTorch backend, as a build file names it. */
    String PYTORCH_ARTIFACT = "dev.littlebrain:littlebrain-train-pytorch";

    /**
     * Fits the job's model, resuming from its checkpoint when one matches, telling {@code listener} of each epoch.
     *
     * @throws java.util.concurrent.CancellationException when the listener cancelled it; the checkpoint then holds
     *     the last finished epoch
     */
    TrainingResult fit(TrainingJob job, TrainingListener listener);

    /**
     * The device {@code device} means here, for messages ("cpu", "gpu(0)").
     *
     * @throws IllegalArgumentException when a GPU is asked for and there is none, saying what to do
     */
    String describe(TrainingDevice device);

    /**
     * The backend on the class path.
     *
     * @throws IllegalStateException when there is none, naming the artifact to add
     */
    static TrainingBackend load() {
        return ServiceLoader.load(TrainingBackend.class, TrainingBackend.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("training needs a training backend, and none is on the"
                        + " class path: add the dependency " + PYTORCH_ARTIFACT + " (PyTorch through DJL)"));
    }
}
