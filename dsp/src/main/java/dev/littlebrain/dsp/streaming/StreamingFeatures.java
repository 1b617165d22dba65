package dev.littlebrain.dsp.streaming;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.FramewiseBlock;
import dev.littlebrain.dsp.blocks.SampleChecks;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Sliding-window features over a continuous stream: feed slices of samples as they arrive, get the
 * features of the latest full window after each slice. The result is always exactly what
 * {@link DspBlock#process} returns for that window (same code path, same arithmetic).
 *
 * <p><b>What is incremental.</b> For framewise blocks (MFCC, MFE, spectrogram) the per-frame rows
 * (FFT, mel, log, DCT) are cached by absolute frame position and only frames not seen before are
 * computed. Two kinds of frames are always recomputed for every window:
 * <ul>
 * <li>frames starting within {@link FramewiseBlock#circularPrefixSamples()} of the window start,
 *     i.e. the first frame with pre-emphasis: Edge Impulse's batch pre-emphasis is circular
 *     ({@code y[0] = x[0] - 0.98·x[N-1]}), so that frame depends on the window's newest sample;</li>
 * <li>the whole-window step, e.g. MFCC's sliding CMVN (cheap: frames x coefficients).</li>
 * </ul>
 * Non-framewise blocks (raw, spectral analysis) are recomputed from the window each time; they
 * work on short motion windows where this is cheap.
 *
 * <p><b>Slices.</b> Any slice length is accepted (a whole number of samples of all axes,
 * interleaved like the block input). Frames are reused only when they sit on the same frame grid,
 * so choose slice lengths that are a multiple of the frame stride (e.g. 250 ms = 4000 samples with
 * a 10 ms stride at 16 kHz) to compute only the new frames; other lengths stay correct but reuse
 * fewer frames. No features are returned until {@code windowSamples} samples have arrived.
 *
 * <p>Not thread-safe: one instance per stream.
 */
public final class StreamingFeatures {
    private final DspBlock block;
    private final FramewiseBlock framewise;
    private final int windowSamples;
    private final int axes;
    private final float[] ring;
    private final float[] window;
    private int ringHead;
    private long totalSamples;

    private final int frames;
    private final int coefficients;
    private final double[] rows;
    private final Map<Long, double[]> cache = new HashMap<>();
    private final ArrayDeque<double[]> spareRows = new ArrayDeque<>();
    private final FramewiseBlock.FrameComputer computer;
    private long framesComputed;

    private StreamingFeatures(DspBlock block, int windowSamples) {
        this.block = block;
        this.windowSamples = windowSamples;
        this.axes = block.signal().axisCount();
        // Validates the window length against the block (e.g. at least one frame).
        this.frames = block.outputShape(windowSamples).frames();
        this.ring = new float[windowSamples * axes];
        this.window = new float[windowSamples * axes];
        if (block instanceof FramewiseBlock fw) {
            this.framewise = fw;
            this.coefficients = fw.coefficientsPerFrame();
            this.rows = new double[frames * coefficients];
            this.computer = fw.newFrameComputer();
        } else {
            this.framewise = null;
            this.coefficients = 0;
            this.rows = null;
            this.computer = null;
        }
    }

    /**
     * @param block         any block from {@code DspBlocks.create}
     * @param windowSamples window length in samples per axis (e.g. 16000 for 1 s at 16 kHz)
     */
    public static StreamingFeatures create(DspBlock block, int windowSamples) {
        if (windowSamples < 1) {
            throw new IllegalArgumentException("window must hold at least one sample, got " + windowSamples);
        }
        return new StreamingFeatures(block, windowSamples);
    }

    public DspBlock block() {
        return block;
    }

    public int windowSamples() {
        return windowSamples;
    }

    /** Total per-frame computations so far (FFT and everything after it), to observe the incremental work. */
    public long framesComputed() {
        return framesComputed;
    }

    /** Forgets all samples and cached frames, as if newly created. */
    public void reset() {
        ringHead = 0;
        totalSamples = 0;
        java.util.Arrays.fill(ring, 0f);
        spareRows.addAll(cache.values());
        cache.clear();
    }

    /**
     * Appends a slice and returns the features of the newest full window, or empty while fewer than
     * {@code windowSamples} samples have arrived.
     *
     * @param slice interleaved samples, scaled as the block expects
     * @throws IllegalArgumentException for a partial sample (length not a multiple of the axis count)
     *                                  or a NaN/infinite value; the stream is left unchanged
     */
    public Optional<float[]> push(float[] slice) {
        if (slice.length % axes != 0) {
            throw new IllegalArgumentException("streaming " + block.name() + ": slice of " + slice.length
                    + " values is not a whole number of samples of " + axes + " axes");
        }
        SampleChecks.requireFinite("streaming " + block.name(), slice, 0, slice.length);
        append(slice);
        totalSamples += slice.length / axes;
        if (totalSamples < windowSamples) {
            return Optional.empty();
        }
        // Unroll the ring into window order (oldest first).
        int tail = ring.length - ringHead;
        System.arraycopy(ring, ringHead, window, 0, tail);
        System.arraycopy(ring, 0, window, tail, ringHead);
        if (framewise == null) {
            return Optional.of(block.process(window));
        }
        return Optional.of(framewiseFeatures());
    }

    private void append(float[] slice) {
        int from = Math.max(0, slice.length - ring.length);
        int count = slice.length - from;
        int first = Math.min(count, ring.length - ringHead);
        System.arraycopy(slice, from, ring, ringHead, first);
        System.arraycopy(slice, from + first, ring, 0, count - first);
        ringHead = (ringHead + count) % ring.length;
    }

    private float[] framewiseFeatures() {
        long windowStart = totalSamples - windowSamples;
        int stride = framewise.framing().stride();
        int prefix = framewise.circularPrefixSamples();
        // Drop frames that left the window, keeping their arrays for reuse.
        for (Iterator<Map.Entry<Long, double[]>> it = cache.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, double[]> e = it.next();
            if (e.getKey() < windowStart) {
                spareRows.add(e.getValue());
                it.remove();
            }
        }
        for (int t = 0; t < frames; t++) {
            int start = t * stride;
            int offset = t * coefficients;
            if (start < prefix) {
                computer.compute(window, start, rows, offset);
                framesComputed++;
                continue;
            }
            long absolute = windowStart + start;
            double[] cached = cache.get(absolute);
            if (cached == null) {
                computer.compute(window, start, rows, offset);
                framesComputed++;
                cached = spareRows.isEmpty() ? new double[coefficients] : spareRows.poll();
                System.arraycopy(rows, offset, cached, 0, coefficients);
                cache.put(absolute, cached);
            } else {
                System.arraycopy(cached, 0, rows, offset, coefficients);
            }
        }
        return framewise.finish(rows, frames);
    }
}
