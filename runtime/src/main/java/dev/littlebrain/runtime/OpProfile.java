package dev.littlebrain.runtime;

/** Time spent in one operator over the profiled invocations, with its multiply-accumulate count. */
public record OpProfile(int index, String op, long totalNanos, long invocations, long macs) {
    public double microsPerInvoke() {
        return invocations == 0 ? 0 : totalNanos / 1000.0 / invocations;
    }
}
