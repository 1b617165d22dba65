package dev.littlebrain.tflite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A named entry point (inputs/outputs by alias → tensor index, in file order) of one subgraph. */
public record SignatureDef(String key, int subgraphIndex, Map<String, Integer> inputs, Map<String, Integer> outputs) {
    public SignatureDef {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }
}
