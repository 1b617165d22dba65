package dev.littlebrain.dsp.io;

import java.util.Arrays;
import java.util.List;

/**
 * A multi-axis sensor recording (accelerometer, gyroscope, ...) sampled at a fixed interval.
 *
 * @param deviceType  free text naming the device ("" when unknown)
 * @param axes        axis names, e.g. accX, accY, accZ
 * @param units       one unit per axis ("" when unknown), e.g. m/s2
 * @param intervalMs  time between two frames in milliseconds
 * @param interleaved values frame by frame (frames x axes); owned by the series, not to be modified
 */
public record SensorSeries(String deviceType, List<String> axes, List<String> units, double intervalMs,
                           float[] interleaved) {
    public SensorSeries {
        axes = List.copyOf(axes);
        units = List.copyOf(units);
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a sensor series needs at least one axis");
        }
        if (units.size() != axes.size()) {
            throw new IllegalArgumentException(axes.size() + " axes but " + units.size() + " units");
        }
        if (!(intervalMs > 0) || Double.isInfinite(intervalMs)) {
            throw new IllegalArgumentException("interval must be a positive number of ms, got " + intervalMs);
        }
        if (interleaved.length % axes.size() != 0) {
            throw new IllegalArgumentException("value count is not a multiple of the axis count " + axes.size());
        }
        deviceType = deviceType == null ? "" : deviceType;
    }

    public int frames() {
        return interleaved.length / axes.size();
    }

    public double frequencyHz() {
        return 1000.0 / intervalMs;
    }

    public double durationMs() {
        return frames() * intervalMs;
    }

    public float value(int frame, int axis) {
        return interleaved[frame * axes.size() + axis];
    }

    /** The values of one axis. */
    public float[] axis(int index) {
        int n = axes.size();
        float[] out = new float[frames()];
        for (int f = 0; f < out.length; f++) {
            out[f] = interleaved[f * n + index];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SensorSeries s && s.deviceType.equals(deviceType) && s.axes.equals(axes)
                && s.units.equals(units) && Double.compare(s.intervalMs, intervalMs) == 0
                && Arrays.equals(s.interleaved, interleaved);
    }

    @Override
    public int hashCode() {
        return ((axes.hashCode() * 31 + units.hashCode()) * 31 + Double.hashCode(intervalMs)) * 31
                + Arrays.hashCode(interleaved);
    }

    @Override
    public String toString() {
        return "SensorSeries[" + axes + ", " + intervalMs + " ms, " + frames() + " frames]";
    }
}
