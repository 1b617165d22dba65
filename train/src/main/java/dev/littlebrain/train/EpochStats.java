package dev.littlebrain.train;

import java.time.Duration;

/** Metrics of one finished epoch (1-based); validation figures are NaN without a validation set. */
public record EpochStats(int epoch, int epochs, float loss, float accuracy, float valLoss, float valAccuracy,
        Duration epochTime, Duration eta) {

    @Override
    public String toString() {
        return String.format("epoch %d/%d  loss %.4f  acc %.3f  val_loss %.4f  val_acc %.3f  %d ms  eta %ds",
                epoch, epochs, loss, accuracy, valLoss, valAccuracy, epochTime.toMillis(), eta.toSeconds());
    }
}
