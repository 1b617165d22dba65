package dev.littlebrain.deploy.dsp;

/**
 * Const C arrays of numbers. Doubles are written with Java's shortest round-trip form, which a C
 * compiler parses back (correctly rounded) to the very same double, so an emitted table holds exactly
 * the values the Java DSP multiplies by.
 */
final class CArrays {
    private static final int PER_LINE = 6;

    private CArrays() {
    }

    /** A double literal that parses back to {@code v} bit for bit ({@code 1.0E-10} is valid C). */
    static String real(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("no C literal for " + v);
        }
        return Double.toString(v);
    }

    /** {@code static const lb_real name[n] = {...};}: converted to float where lb_real is float. */
    static String reals(String name, double[] values) {
        return reals("lb_real", name, values);
    }

    /** {@code static const <type> name[n] = {...};} for a floating type ({@code lb_real}, {@code lb_fft_real}). */
    static String reals(String type, String name, double[] values) {
        StringBuilder b = new StringBuilder("static const ").append(type).append(' ').append(name).append('[')
                .append(Math.max(1, values.length)).append("] = {");
        for (int i = 0; i < values.length; i++) {
            b.append(i % PER_LINE == 0 ? "\n    " : " ").append(real(values[i]));
            if (i + 1 < values.length) {
                b.append(',');
            }
        }
        if (values.length == 0) {
            b.append("\n    0");
        }
        return b.append("\n};\n").toString();
    }

    /**
     * {@code static const <type> name[n] = {{hi, lo}, ...};}: each double as the float nearest to it plus the
     * float nearest to the rest, which together hold it to about 2^-48 relative.
     */
    static String floatPairs(String type, String name, double[] values) {
        StringBuilder b = new StringBuilder("static const ").append(type).append(' ').append(name).append('[')
                .append(Math.max(1, values.length)).append("] = {");
        for (int i = 0; i < values.length; i++) {
            float hi = (float) values[i];
            float lo = (float) (values[i] - hi);
            b.append(i % 3 == 0 ? "\n    " : " ").append('{').append(floatLiteral(hi)).append(", ")
                    .append(floatLiteral(lo)).append('}');
            if (i + 1 < values.length) {
                b.append(',');
            }
        }
        if (values.length == 0) {
            b.append("\n    {0.0f, 0.0f}");
        }
        return b.append("\n};\n").toString();
    }

    /** A float literal that parses back to {@code v} bit for bit. */
    static String floatLiteral(float v) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException("no C literal for " + v);
        }
        return Float.toString(v) + "f";
    }

    /** {@code static const <type> name[n] = {...};} for integers that fit the type. */
    static String ints(String type, String name, int[] values) {
        StringBuilder b = new StringBuilder("static const ").append(type).append(' ').append(name).append('[')
                .append(Math.max(1, values.length)).append("] = {");
        for (int i = 0; i < values.length; i++) {
            b.append(i % 12 == 0 ? "\n    " : " ").append(values[i]);
            if (i + 1 < values.length) {
                b.append(',');
            }
        }
        if (values.length == 0) {
            b.append("\n    0");
        }
        return b.append("\n};\n").toString();
    }

    /** Comment-safe text: no comment terminators, no control characters. */
    static String comment(String text) {
        return text.replace("*/", "* /").replaceAll("[\\p{Cntrl}]", " ");
    }
}
