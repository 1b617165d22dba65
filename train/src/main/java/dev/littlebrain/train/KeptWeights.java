package dev.littlebrain.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which epoch's weights a training keeps ({@code learn.keep}). The lowest validation loss is Keras'
 * {@code restore_best_weights} and today's default; but a network that fits its training data exactly grows
 * over-confident on the validation clips it gets wrong, so its validation loss can bottom out in the first epochs
 * while its accuracy keeps rising (a batch-normalised temporal CNN on real voices kept epoch 1 of 15). Highest
 * validation accuracy, or simply the last epoch (with a learning rate that decays to zero), keep the trained model.
 */
public enum KeptWeights {
    /** The epoch of the lowest validation loss (the training loss without validation data). */
    VAL_LOSS,
    /** The epoch of the highest validation accuracy (training accuracy without validation data); ties: the first. */
    VAL_ACCURACY,
    /** The last epoch trained. */
    LAST;

    /** The names {@code learn.keep} takes, in this order. */
    public static final List<String> NAMES = Arrays.stream(values()).map(KeptWeights::id).toList();

    /** The name in impulse.yaml ("val_loss"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value named {@code id}, if it names one. */
    public static Optional<KeptWeights> named(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }

    /**
     * What the trainer minimises over the epochs to choose the weights it keeps: lower is better, an epoch
     * replaces the kept one only when strictly lower (so ties keep the earlier epoch, and {@link #LAST} always
     * replaces). NaN validation figures mean there is no validation data.
     */
    public float monitored(int epoch, float trainLoss, float trainAccuracy, float valLoss, float valAccuracy) {
        return switch (this) {
            case VAL_LOSS -> Float.isNaN(valLoss) ? trainLoss : valLoss;
            case VAL_ACCURACY -> -(Float.isNaN(valAccuracy) ? trainAccuracy : valAccuracy);
            case LAST -> -epoch;
        };
    }
}
