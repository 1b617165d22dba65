package dev.littlebrain.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A sequential model: an {@link LayerSpec.Input} followed by layers. Shapes are checked on construction. */
public record ModelSpec(List<LayerSpec> layers) {

    public ModelSpec {
        layers = List.copyOf(layers);
        if (layers.isEmpty() || !(layers.get(0) instanceof LayerSpec.Input)) {
            throw new IllegalArgumentException("a model spec starts with an Input layer");
        }
        shapesOf(layers);
    }

    public static ModelSpec of(LayerSpec... layers) {
        return new ModelSpec(List.of(layers));
    }

    /** Output shape of each layer (index-aligned with {@link #layers()}), batch dimension excluded. */
    public List<int[]> shapes() {
        return shapesOf(layers);
    }

    public int[] inputShape() {
        return ((LayerSpec.Input) layers.get(0)).shape();
    }

    public int inputSize() {
        return LayerSpec.product(inputShape());
    }

    public int[] outputShape() {
        List<int[]> shapes = shapes();
        return shapes.get(shapes.size() - 1);
    }

    /** One line per layer with its output shape. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        List<int[]> shapes = shapes();
        for (int i = 0; i < layers.size(); i++) {
            sb.append(String.format("%2d %-40s %s%n", i, layers.get(i).describe(), Arrays.toString(shapes.get(i))));
        }
        return sb.toString();
    }

    private static List<int[]> shapesOf(List<LayerSpec> layers) {
        List<int[]> shapes = new ArrayList<>(layers.size());
        int[] shape = null;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (i > 0 && layer instanceof LayerSpec.Input) {
                throw new IllegalArgumentException("layer " + i + " (Input): only the first layer may be an Input");
            }
            try {
                shape = layer.outputShape(shape);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + i + " (" + layer.describe() + "): " + e.getMessage(), e);
            }
            for (int d : shape) {
                if (d <= 0) {
                    throw new IllegalArgumentException("layer " + i + " (" + layer.describe() + "): output shape "
                            + Arrays.toString(shape) + " has an empty dimension");
                }
            }
            shapes.add(shape);
        }
        return shapes;
    }
}
