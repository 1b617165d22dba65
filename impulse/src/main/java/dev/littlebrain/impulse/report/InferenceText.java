package dev.littlebrain.impulse.report;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.OpProfile;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.TensorType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code littlebrain run} prints of an interpreter: the outputs of a run, and the per-operator profile. */
public final class InferenceText {
    private InferenceText() {
    }

    /** Each output of the last run: raw values, dequantized where quantized, and its arg-max. */
    public static void printOutputs(Path input, Interpreter interpreter, PrintWriter out) {
        out.println(input + ":");
        for (int i = 0; i < interpreter.outputCount(); i++) {
            TensorView t = interpreter.output(i);
            StringBuilder raw = new StringBuilder();
            StringBuilder real = new StringBuilder();
            int best = 0;
            for (int e = 0; e < t.elementCount(); e++) {
                if (e > 0) {
                    raw.append(", ");
                    real.append(", ");
                }
                raw.append(t.type() == TensorType.FLOAT32 ? String.format(Locale.ROOT, "%.6g", t.float32(e))
                        : String.valueOf(t.integer(e)));
                real.append(String.format(Locale.ROOT, "%.5f", t.real(e)));
                if (t.real(e) > t.real(best)) {
                    best = e;
                }
            }
            out.printf("  output %d '%s' %s %s: [%s]%n", i, t.name(), java.util.Arrays.toString(t.shape()),
                    t.type().dtypeName(), raw);
            if (t.type() != TensorType.FLOAT32 && t.quantization().isPresent()) {
                out.printf("    dequantized: [%s]%n", real);
            }
            out.printf("    arg-max: %d%n", best);
        }
    }

    /** Time and MACs per operator over the runs so far, and their total. */
    public static void printProfile(Interpreter interpreter, PrintWriter out) {
        out.println("Profile (" + inputs(interpreter) + "):");
        out.printf("  %3s  %-20s %12s %14s%n", "#", "op", "µs/invoke", "MACs");
        double total = 0;
        for (OpProfile p : interpreter.profile()) {
            out.printf(Locale.ROOT, "  %3d  %-20s %12.1f %,14d%n", p.index(), p.op(), p.microsPerInvoke(), p.macs());
            total += p.microsPerInvoke();
        }
        out.printf(Locale.ROOT, "  total %.1f µs per inference, %,d MACs%n", total, interpreter.macs());
    }

    private static String inputs(Interpreter interpreter) {
        return interpreter.profile().isEmpty() ? "no runs" : interpreter.profile().get(0).invocations() + " runs";
    }
}
