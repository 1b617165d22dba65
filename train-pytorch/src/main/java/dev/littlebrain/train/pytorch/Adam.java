package dev.littlebrain.train.pytorch;

import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam on parameter NDArrays (Keras' formulation: bias correction folded into the step size). Its state, the
 * step count and the first and second moments per parameter, can be read and restored as plain arrays.
 */
final class Adam {
    private float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private Map<String, float[]> pendingM = new HashMap<>();
    private Map<String, float[]> pendingV = new HashMap<>();
    private long step;

    Adam(float learningRate, float beta1, float beta2, float epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** Starts one optimizer step (one batch) taken at {@code rate}. */
    void beginStep(float rate) {
        step++;
        learningRate = rate;
    }

    void update(String key, NDArray weight, NDArray grad) {
        NDArray mk = m.computeIfAbsent(key, k -> moment(weight, pendingM.remove(k)));
        NDArray vk = v.computeIfAbsent(key, k -> moment(weight, pendingV.remove(k)));
        mk.muli(beta1);
        try (NDArray g1 = grad.mul(1f - beta1)) {
            mk.addi(g1);
        }
        vk.muli(beta2);
        try (NDArray g2 = grad.square()) {
            g2.muli(1f - beta2);
            vk.addi(g2);
        }
        float lr = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step)));
        try (NDArray denom = vk.sqrt()) {
            denom.addi(epsilon);
            try (NDArray delta = mk.div(denom)) {
                delta.muli(lr);
                weight.subi(delta);
            }
        }
    }

    private static NDArray moment(NDArray like, float[] values) {
        NDArray z = like.getManager().zeros(like.getShape(), like.getDataType());
        if (values != null) {
            z.set(FloatBuffer.wrap(values));
        }
        return z;
    }

    long step() {
        return step;
    }

    Map<String, float[]> m() {
        return snapshot(m, pendingM);
    }

    Map<String, float[]> v() {
        return snapshot(v, pendingV);
    }

    private static Map<String, float[]> snapshot(Map<String, NDArray> live, Map<String, float[]> pending) {
        Map<String, float[]> out = new LinkedHashMap<>();
        pending.forEach((k, a) -> out.put(k, a.clone()));
        live.forEach((k, a) -> out.put(k, a.toFloatArray()));
        return out;
    }

    void restore(long step, Map<String, float[]> moments1, Map<String, float[]> moments2) {
        if (!m.isEmpty()) {
            throw new IllegalStateException("restore before the first update");
        }
        this.step = step;
        pendingM = new HashMap<>(moments1);
        pendingV = new HashMap<>(moments2);
    }
}
