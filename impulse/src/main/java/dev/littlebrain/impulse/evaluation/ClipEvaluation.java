package dev.littlebrain.impulse.evaluation;

import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One model run over the test split in the bit-exact runtime: the confusion matrix and the metrics
 * derived from it, the mean cross-entropy loss, the samples it got wrong, and how many of its answers
 * fall under a minimum confidence (Edge Impulse's "uncertain").
 *
 * @param confusion      rows: actual label, columns: predicted label (arg-max)
 * @param loss           mean of -ln(score of the actual label), scores clipped at {@value #MIN_PROBABILITY}
 * @param uncertain      samples whose top score is below {@code minConfidence}
 * @param minConfidence  the confidence threshold used for {@code uncertain}
 * @param misclassified  the samples whose arg-max is not their label, in test-split order
 */
public record ClipEvaluation(int[][] confusion, double loss, int uncertain, double minConfidence,
        List<Misclassified> misclassified) {
    public static final double MIN_PROBABILITY = 1e-7;

    /** A test sample the model got wrong. */
    public record Misclassified(Path file, int actual, int predicted, double confidence) {
    }

    /** Runs every test row through {@code interpreter}: inputs quantized, outputs dequantized as on the device. */
    public static ClipEvaluation run(Interpreter interpreter, ImpulseProject.Split test, int classes, double minConfidence) {
        int[][] confusion = new int[classes][classes];
        List<Misclassified> wrong = new ArrayList<>();
        double lossSum = 0;
        int uncertain = 0;
        TensorView in = interpreter.input(0);
        for (int s = 0; s < test.size(); s++) {
            float[] row = test.features()[s];
            if (row.length != in.elementCount()) {
                throw new IllegalArgumentException("features have " + row.length + " values, the model input has "
                        + in.elementCount() + "; run 'littlebrain train' again");
            }
            for (int i = 0; i < row.length; i++) {
                in.setReal(i, row[i]); // quantized exactly as the streaming classifier and the device do
            }
            interpreter.invoke();
            TensorView o = interpreter.output(0);
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < o.elementCount(); c++) {
                double v = o.real(c);
                if (v > bestValue) {
                    bestValue = v;
                    best = c;
                }
            }
            int actual = test.labels()[s];
            confusion[actual][best]++;
            lossSum -= Math.log(Math.max(MIN_PROBABILITY, o.real(actual)));
            if (bestValue < minConfidence) {
                uncertain++;
            }
            if (best != actual) {
                wrong.add(new Misclassified(test.files().get(s), actual, best, bestValue));
            }
        }
        return new ClipEvaluation(confusion, test.size() == 0 ? 0 : lossSum / test.size(), uncertain, minConfidence,
                List.copyOf(wrong));
    }

    public int total() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        return total() == 0 ? 0 : (double) correct / total();
    }

    public double uncertainRate() {
        return total() == 0 ? 0 : (double) uncertain / total();
    }

    public double precision(int c) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    public double recall(int c) {
        int actual = 0;
        for (int v : confusion[c]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) confusion[c][c] / actual;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double f1Macro() {
        double sum = 0;
        for (int c = 0; c < confusion.length; c++) {
            sum += f1(c);
        }
        return sum / confusion.length;
    }
}
