package dev.littlebrain.impulse.bench;

import dev.littlebrain.train.EpochStats;
import java.util.List;

/**
 * What {@code littlebrain bench train} measured: every epoch's time; the figures leave out the first epoch, which
 * warms up the backend (native libraries, allocator, JIT).
 *
 * @param setup   what was trained
 * @param history every epoch, the warm-up first
 */
public record TrainingBenchReport(Setup setup, List<EpochStats> history) {

    /** The run measured: a preset with its batch size, on so many training samples, for so many epochs. */
    public record Setup(String preset, int trainingSamples, int batchSize, int epochs, int cpuThreads) {
    }

    public TrainingBenchReport {
        history = List.copyOf(history);
    }

    /** Epochs after the warm-up. */
    public int measuredEpochs() {
        return history.size() - 1;
    }

    /** Their total time. */
    public double measuredSeconds() {
        long nanos = 0;
        for (EpochStats s : history.subList(1, history.size())) {
            nanos += s.epochTime().toNanos();
        }
        return nanos / 1e9;
    }

    public double warmUpSeconds() {
        return history.get(0).epochTime().toNanos() / 1e9;
    }

    public double epochsPerSecond() {
        return measuredEpochs() / measuredSeconds();
    }

    public double samplesPerSecond() {
        return (double) measuredEpochs() * setup.trainingSamples() / measuredSeconds();
    }
}
