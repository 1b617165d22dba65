package dev.littlebrain.runtime;

import dev.littlebrain.tflite.BuiltinOperator;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which {@link Op} implements each builtin operator. Immutable once built. */
public final class OpResolver {
    private final Map<BuiltinOperator, Op> ops;

    private OpResolver(Map<BuiltinOperator, Op> ops) {
        this.ops = Collections.unmodifiableMap(new EnumMap<>(ops));
    }

    public Optional<Op> find(BuiltinOperator op) {
        return Optional.ofNullable(op == null ? null : ops.get(op));
    }

    public Set<BuiltinOperator> supported() {
        return ops.keySet();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<BuiltinOperator, Op> ops = new EnumMap<>(BuiltinOperator.class);

        public Builder add(BuiltinOperator code, Op op) {
            ops.put(code, op);
            return this;
        }

        public OpResolver build() {
            return new OpResolver(ops);
        }
    }
}
