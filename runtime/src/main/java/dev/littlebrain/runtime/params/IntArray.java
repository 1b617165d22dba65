package dev.littlebrain.runtime.params;

import java.util.Arrays;

/**
 * An {@code int[]} that cannot change: copied in, copied out, compared by its values, so records holding
 * per-channel multipliers or index tables stay immutable values with a meaningful {@code equals}.
 */
public final class IntArray {
    private final int[] values;

    private IntArray(int[] values) {
        this.values = values;
    }

    public static IntArray of(int... values) {
        return new IntArray(values.clone());
    }

    public int length() {
        return values.length;
    }

    public int get(int i) {
        return values[i];
    }

    /** A fresh copy, for a kernel's hot loop or an emitted table. */
    public int[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntArray other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
