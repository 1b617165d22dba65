package dev.littlebrain.dsp.blocks;

/**
 * A block parameter is missing a valid value. The message names the block, the parameter (by its
 * Edge Impulse name), the value given and what is allowed, so it can be shown to a user as is.
 */
public final class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidParameterException(String block, String parameter, Object value, String allowed) {
        super(block + ": parameter '" + parameter + "' = " + render(value) + " is invalid; " + allowed);
        this.parameter = parameter;
    }

    /** The Edge Impulse parameter name that was rejected. */
    public String parameter() {
        return parameter;
    }

    private static String render(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
