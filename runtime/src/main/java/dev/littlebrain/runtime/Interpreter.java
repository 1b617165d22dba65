package dev.littlebrain.runtime;

import dev.littlebrain.runtime.memory.ArenaRequests;
import dev.littlebrain.runtime.memory.BufferRequest;
import dev.littlebrain.runtime.memory.GreedyPlanner;
import dev.littlebrain.runtime.memory.MemoryPlan;
import dev.littlebrain.runtime.params.KernelParams;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.ModelValidator;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the main subgraph of a TFLite model the way TensorFlow Lite Micro does: every computed tensor
 * lives in one preallocated byte arena at an offset fixed by the memory planner, every kernel is
 * prepared once at construction, and {@link #invoke()} only evaluates kernels — it allocates nothing.
 *
 * <pre>{@code
 * Interpreter interpreter = new Interpreter(model);
 * interpreter.input(0).copyFrom(inputBytes);
 * interpreter.invoke();
 * byte[] scores = interpreter.output(0).bytes();
 * }</pre>
 *
 * Not thread-safe: one interpreter per thread (they are cheap; the model can be shared).
 */
public final class Interpreter {
    private final Model model;
    private final Subgraph graph;
    private final byte[] arena;
    private final MemoryPlan plan;
    private final int greedyArenaBytes;
    private final TensorView[] tensors;
    private final Kernel[] kernels;
    private final String[] opNames;
    private final long[] macs;
    private final boolean profiling;
    private final long[] opNanos;
    private long invocations;

    public Interpreter(Model model) {
        this(model, InterpreterOptions.defaults());
    }

    public Interpreter(Model model, InterpreterOptions options) {
        ModelValidator.validate(model);
        this.model = model;
        this.graph = model.mainSubgraph();
        List<Operator> operators = graph.operators();
        Op[] ops = resolve(options.resolver());

        List<BufferRequest> requests = ArenaRequests.of(model, graph);
        this.plan = options.planner().plan(requests, InPlaceOutputs.of(model, graph, options.resolver()));
        this.greedyArenaBytes = GreedyPlanner.tflmOrder().plan(requests).arenaBytes();
        int arenaBytes = plan.arenaBytes();
        if (arenaBytes > options.maxArenaBytes()) {
            throw new dev.littlebrain.tflite.TfliteFormatException("model needs a tensor arena of " + arenaBytes
                    + " bytes, above the limit of " + options.maxArenaBytes() + " bytes; is the file corrupt?");
        }
        if (options.arenaBytes() != InterpreterOptions.AUTO) {
            if (options.arenaBytes() < arenaBytes) {
                throw new ArenaTooSmallException(options.arenaBytes(), arenaBytes);
            }
            arenaBytes = options.arenaBytes();
        }
        this.arena = new byte[arenaBytes];
        this.tensors = bindTensors(requests);

        this.kernels = new Kernel[operators.size()];
        this.opNames = new String[operators.size()];
        this.macs = new long[operators.size()];
        for (int i = 0; i < operators.size(); i++) {
            Operator op = operators.get(i);
            OperatorCode code = model.operatorCode(op);
            Node node = new Node(i, code, op.options(), views(op.inputs()), views(op.outputs()));
            opNames[i] = code.displayName();
            kernels[i] = prepare(ops[i], node);
            macs[i] = MacCounter.count(model, op);
        }
        this.profiling = options.profiling();
        this.opNanos = new long[operators.size()];
    }

    /**
     * Prepares one kernel. Kernels validate what they read, but a malformed model can still reach a
     * corner a kernel did not anticipate; that must surface as a clear error about this operator (as
     * TFLM's Prepare returning kTfLiteError does), not as an exception from deep inside.
     */
    private static Kernel prepare(Op op, Node node) {
        try {
            return op.prepare(node);
        } catch (KernelException e) {
            throw e;
        } catch (RuntimeException e) {
            KernelException wrapped = new KernelException(node, "cannot be prepared: its tensors are inconsistent ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            wrapped.initCause(e);
            throw wrapped;
        }
    }

    private Op[] resolve(OpResolver resolver) {
        List<Operator> operators = graph.operators();
        Op[] ops = new Op[operators.size()];
        Map<String, List<Integer>> missing = new TreeMap<>();
        for (int i = 0; i < ops.length; i++) {
            OperatorCode code = model.operatorCode(operators.get(i));
            BuiltinOperator builtin = code.isCustom() ? null : code.builtin();
            ops[i] = resolver.find(builtin).orElse(null);
            if (ops[i] == null) {
                missing.computeIfAbsent(code.displayName(), k -> new ArrayList<>()).add(i);
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder msg = new StringBuilder("unsupported operator");
            msg.append(missing.size() > 1 ? "s " : " ");
            List<String> parts = new ArrayList<>();
            missing.forEach((name, idx) -> parts.add(name + " (operator" + (idx.size() > 1 ? "s " : " ")
                    + joinShort(idx) + ")"));
            msg.append(String.join(", ", parts));
            msg.append(": LittleBrain's runtime implements ").append(resolver.supported().size())
                    .append(" builtin ops; see 'littlebrain inspect' for the list, or re-convert the model"
                            + " without these ops");
            throw new UnsupportedOperatorException(msg.toString());
        }
        return ops;
    }

    private static String joinShort(List<Integer> idx) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < Math.min(idx.size(), 5); i++) {
            s.add(String.valueOf(idx.get(i)));
        }
        return String.join(", ", s) + (idx.size() > 5 ? ", ..." : "");
    }

    private TensorView[] bindTensors(List<BufferRequest> requests) {
        List<Tensor> all = graph.tensors();
        TensorView[] views = new TensorView[all.size()];
        for (int r = 0; r < requests.size(); r++) {
            int t = requests.get(r).tensorIndex();
            views[t] = new TensorView(t, all.get(t), arena, plan.offset(r), false);
        }
        for (int t = 0; t < all.size(); t++) {
            if (views[t] == null) {
                // Constants point into a private copy of their model buffer; unused tensors get an empty one.
                Tensor tensor = all.get(t);
                byte[] data = model.isConstant(tensor) ? model.bufferOf(tensor).bytes() : new byte[0];
                views[t] = new TensorView(t, tensor, data, 0, model.isConstant(tensor));
            }
        }
        return views;
    }

    private TensorView[] views(List<Integer> indices) {
        TensorView[] out = new TensorView[indices.size()];
        for (int i = 0; i < out.length; i++) {
            int t = indices.get(i);
            out[i] = t < 0 ? null : tensors[t];
        }
        return out;
    }

    /** Runs the graph once on the current input tensor contents. */
    public void invoke() {
        if (!profiling) {
            for (Kernel k : kernels) {
                k.eval();
            }
        } else {
            for (int i = 0; i < kernels.length; i++) {
                long start = System.nanoTime();
                kernels[i].eval();
                opNanos[i] += System.nanoTime() - start;
            }
        }
        invocations++;
    }

    public Model model() {
        return model;
    }

    public int inputCount() {
        return graph.inputs().size();
    }

    public int outputCount() {
        return graph.outputs().size();
    }

    public TensorView input(int i) {
        return tensors[graph.inputs().get(i)];
    }

    public TensorView output(int i) {
        return tensors[graph.outputs().get(i)];
    }

    /** Any tensor of the main subgraph, by index (intermediate values are overwritten as the arena is reused). */
    public TensorView tensor(int index) {
        return tensors[index];
    }

    /**
     * The values operator {@code operatorIndex}'s kernel was prepared with (multipliers, ranges, geometry):
     * exactly what it computes with, for a code generator to emit.
     */
    public KernelParams params(int operatorIndex) {
        return kernels[operatorIndex].params();
    }

    /**
     * As {@link #params(int)}, of the type the caller expects.
     *
     * @throws IllegalStateException naming the operator when its kernel was prepared with another kind of params
     *     (for example a float kernel, which has none)
     */
    public <T extends KernelParams> T params(int operatorIndex, Class<T> type) {
        KernelParams p = params(operatorIndex);
        if (!type.isInstance(p)) {
            throw new IllegalStateException("operator " + operatorIndex + " (" + opNames[operatorIndex]
                    + ") was prepared with " + p.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return type.cast(p);
    }

    /** Bytes of arena the plan uses (the arena itself may be larger when the caller asked for more). */
    public int arenaBytes() {
        return plan.arenaBytes();
    }

    /** What TFLite Micro's greedy planner needs for the same tensor lifetimes. */
    public int greedyArenaBytes() {
        return greedyArenaBytes;
    }

    public MemoryPlan memoryPlan() {
        return plan;
    }

    /** Multiply-accumulates of one inference, summed over operators. */
    public long macs() {
        long total = 0;
        for (long m : macs) {
            total += m;
        }
        return total;
    }

    /** Per-operator timings; empty unless the interpreter was built with profiling on. */
    public List<OpProfile> profile() {
        List<OpProfile> out = new ArrayList<>();
        if (!profiling) {
            return out;
        }
        for (int i = 0; i < kernels.length; i++) {
            out.add(new OpProfile(i, opNames[i], opNanos[i], invocations, macs[i]));
        }
        return out;
    }

    /** Per-operator MAC counts, in execution order. */
    public long[] macsPerOp() {
        return macs.clone();
    }
}
