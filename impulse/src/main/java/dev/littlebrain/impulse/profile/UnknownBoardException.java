package dev.littlebrain.impulse.profile;

import java.util.List;

/** A profile's target names no board it knows; the message lists those it does. */
public final class UnknownBoardException extends IllegalArgumentException {
    private final String target;
    private final List<String> choices;

    public UnknownBoardException(String target, List<String> choices) {
        super("unknown board '" + target + "'; choose one of " + String.join(", ", choices));
        this.target = target;
        this.choices = List.copyOf(choices);
    }

    public String target() {
        return target;
    }

    /** The ids of the boards that could be profiled. */
    public List<String> choices() {
        return choices;
    }
}
