package dev.littlebrain.impulse.profile;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What to profile and how.
 *
 * @param target       one board's id (any case); empty: every board (the built-in ones and, in a project, its own)
 * @param windowBytes  the input buffer the application keeps; empty: a project's window, a bare model's 0
 * @param sliceMs      the continuous-mode deadline; empty: an audio project's window over its continuous.slices,
 *                     else none
 * @param estimateOnly use the flash and RAM tables even where arm-none-eabi-gcc could build for the board's core
 */
public record ProfileOptions(Optional<String> target, OptionalInt windowBytes, OptionalDouble sliceMs,
        boolean estimateOnly) {
    /** Every board, the project's window and deadline, measured where the toolchain is installed. */
    public static final ProfileOptions DEFAULTS = new ProfileOptions(Optional.empty(), OptionalInt.empty(),
            OptionalDouble.empty(), false);

    public ProfileOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(windowBytes, "windowBytes");
        Objects.requireNonNull(sliceMs, "sliceMs");
    }

    public ProfileOptions withTarget(String boardId) {
        return new ProfileOptions(Optional.of(boardId), windowBytes, sliceMs, estimateOnly);
    }

    public ProfileOptions withWindowBytes(int bytes) {
        return new ProfileOptions(target, OptionalInt.of(bytes), sliceMs, estimateOnly);
    }

    public ProfileOptions withSliceMs(double ms) {
        return new ProfileOptions(target, windowBytes, OptionalDouble.of(ms), estimateOnly);
    }

    public ProfileOptions withEstimateOnly(boolean tablesOnly) {
        return new ProfileOptions(target, windowBytes, sliceMs, tablesOnly);
    }
}
