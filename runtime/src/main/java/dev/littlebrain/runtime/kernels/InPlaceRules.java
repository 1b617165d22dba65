package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.runtime.memory.MemoryPlanner;
import dev.littlebrain.runtime.params.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How far an operator's output may reach over its input, from the order its kernels read and write in. */
final class InPlaceRules {
    /**
     * Output pixels a C kernel may write before it has read all their windows: lb_kernels.c's pointwise
     * convolution computes three rows at a time, reading the input rows while it stores the outputs of earlier
     * channels (its portable build), the im2col convolution two. Every other window kernel, here and in C, does one
     * pixel after another.
     */
    static final int PIXELS_IN_FLIGHT = 3;

    private InPlaceRules() {
    }

    /**
     * Elementwise kernels that read element i of the input before they write element i of the output, each once
     * (a loop over i, here and in lb_kernels.c): the output may lie over any input of its own shape and type.
     */
    static List<InPlaceOutput> sameIndex(Node shapes, int... inputs) {
        TensorView out = shapes.output(0);
        List<InPlaceOutput> rules = new ArrayList<>();
        for (int i : inputs) {
            TensorView in = shapes.optionalInput(i);
            if (in != null && !in.isConstant() && in.type() == out.type()
                    && Arrays.equals(in.shape(), out.shape()) && in.index() != out.index()) {
                rules.add(InPlaceOutput.sameBytes(out.index(), in.index()));
            }
        }
        return rules;
    }

    /** Shape-only ops (RESHAPE, SQUEEZE, EXPAND_DIMS): the output is the input's bytes under another shape. */
    static List<InPlaceOutput> relabelled(Node shapes) {
        TensorView in = shapes.input(0);
        TensorView out = shapes.output(0);
        if (in.isConstant() || in.type() != out.type() || in.byteSize() != out.byteSize()
                || in.index() == out.index()) {
            return List.of();
        }
        return List.of(InPlaceOutput.sameBytes(out.index(), in.index()));
    }

    /**
     * Window kernels (CONV_2D, DEPTHWISE_CONV_2D) write output pixels in NHWC order, each once, and up to
     * {@link #PIXELS_IN_FLIGHT} of them before they have read those pixels' windows. An output placed {@code d} bytes
     * from the input is safe when, for every pixel p, the bytes written up to pixel p + 2 end at or below the first
     * input byte any pixel from p on still reads: {@code d <= min_p (firstRead(p..) - written(p + 2))}. Any smaller
     * distance is as safe, so the largest one is rounded down to the arena's alignment. None when that distance
     * leaves no overlap.
     */
    static List<InPlaceOutput> window(Node shapes, Window g) {
        TensorView in = shapes.input(0);
        TensorView out = shapes.output(0);
        if (in.isConstant() || in.type() != out.type() || in.index() == out.index()) {
            return List.of();
        }
        int inBytes = in.byteSize() / Math.max(1, in.elementCount());
        int outBytes = out.byteSize() / Math.max(1, out.elementCount());
        int pixels = g.batches() * g.outHeight() * g.outWidth();
        long[] firstRead = new long[pixels + 1];
        firstRead[pixels] = Long.MAX_VALUE;
        for (int p = pixels - 1; p >= 0; p--) {
            firstRead[p] = Math.min(firstRead[p + 1], lowestByteRead(g, p, inBytes));
        }
        long distance = Long.MAX_VALUE;
        long pixelBytes = (long) g.outDepth() * outBytes;
        for (int p = 0; p < pixels; p++) {
            if (firstRead[p] == Long.MAX_VALUE) {
                break; // no pixel from here on reads the input
            }
            long written = Math.min(p + PIXELS_IN_FLIGHT, pixels) * pixelBytes;
            distance = Math.min(distance, firstRead[p] - written);
        }
        if (distance == Long.MAX_VALUE) {
            return List.of(); // nothing reads the input: planning them apart loses nothing worth the special case
        }
        long aligned = Math.floorDiv(distance, MemoryPlanner.ALIGNMENT) * MemoryPlanner.ALIGNMENT;
        if (aligned >= in.byteSize() || aligned <= -(long) out.byteSize()) {
            return List.of();
        }
        return List.of(new InPlaceOutput(out.index(), in.index(), (int) aligned));
    }

    /** The first input byte pixel {@code p}'s window reads (its top-left tap inside the image); MAX_VALUE if none. */
    private static long lowestByteRead(Window g, int p, int elementBytes) {
        int ox = p % g.outWidth();
        int oy = (p / g.outWidth()) % g.outHeight();
        int b = p / (g.outWidth() * g.outHeight());
        int inY0 = oy * g.strideHeight() - g.padTop();
        int inX0 = ox * g.strideWidth() - g.padLeft();
        int fy = ConvGeometry.firstTap(inY0, g.dilationHeight());
        int fx = ConvGeometry.firstTap(inX0, g.dilationWidth());
        if (fy >= ConvGeometry.endTap(inY0, g.dilationHeight(), g.inHeight(), g.filterHeight())
                || fx >= ConvGeometry.endTap(inX0, g.dilationWidth(), g.inWidth(), g.filterWidth())) {
            return Long.MAX_VALUE;
        }
        long y = inY0 + (long) fy * g.dilationHeight();
        long x = inX0 + (long) fx * g.dilationWidth();
        return (((long) b * g.inHeight() + y) * g.inWidth() + x) * g.inDepth() * elementBytes;
    }
}
