package dev.littlebrain.deploy.tflm;

import dev.littlebrain.deploy.tflm.KernelFootprint.Persistent;
import dev.littlebrain.deploy.tflm.KernelFootprint.Scratch;
import dev.littlebrain.deploy.tflm.KernelFootprint.Step;
import dev.littlebrain.deploy.tflm.KernelFootprint.TempTensor;
import dev.littlebrain.runtime.memory.BufferRequest;
import dev.littlebrain.runtime.memory.TflmArenaRequests;
import dev.littlebrain.runtime.memory.TflmArenaRequests.ScratchRequest;
import dev.littlebrain.runtime.memory.TflmGreedyMemoryPlanner;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The smallest tensor arena with which TensorFlow Lite Micro's {@code MicroInterpreter::AllocateTensors()}
 * succeeds for a model, found by replaying what TFLM allocates in it, in TFLM's order (micro_allocator.cc,
 * micro_interpreter.cc, micro_interpreter_graph.cc), against {@link ArenaSimulation}:
 * <ol>
 *   <li>the arena allocator, the greedy planner and the MicroAllocator in the tail;</li>
 *   <li>StartModelAllocation: builtin data allocator, the head's room for 12 scratch buffer requests, the
 *       subgraph allocations, one TfLiteEvalTensor per tensor, one NodeAndRegistration per operator;</li>
 *   <li>each operator's builtin data, then each kernel's Init (OpData), then each kernel's Prepare with its temp
 *       tensors and persistent buffers, after which the temps are reset and the head regrown to hold the
 *       requests so far plus 12;</li>
 *   <li>FinishModelAllocation: scratch buffer handles and variables in the tail; then, in the temp section, the
 *       AllocationInfo array and the planner's scratch (40 bytes per buffer) — at this point the arena must hold
 *       both at once, which is why TFLM needs more than it finally uses; then the head becomes the greedy plan;</li>
 *   <li>the input and output TfLiteTensors the interpreter keeps, with their quantization.</li>
 * </ol>
 * Kernel allocations are those of the reference kernels ({@link TflmKernels}).
 *
 * @param bytes the smallest arena that works
 * @param planBytes the greedy plan of activations and scratch buffers (the head, after planning)
 * @param persistentBytes the tail after AllocateTensors
 */
public record TflmArenaEstimate(int bytes, int planBytes, int persistentBytes) {

    /**
     * Extra bytes for TFLM built with CMSIS-NN kernels, whose conv, depthwise conv, fully connected and pooling
     * kernels request scratch buffers and carry larger OpData that this estimate does not model. Measured on the
     * emulated Cortex-M4F, CMSIS-NN needed 48 to 656 bytes more than the reference kernels on eight models (most:
     * ResNet-8); this margin covers that with room to spare.
     */
    public static final int CMSIS_NN_MARGIN_BYTES = 1024;

    /** Kernel scratch buffer requests per operator that TFLM's head reserves room for. */
    private static final int MAX_SCRATCH_BUFFERS_PER_OP = 12;

    /** What {@code MicroInterpreter::arena_used_bytes()} reports afterwards: head plus tail. */
    public int usedBytes() {
        return planBytes + persistentBytes;
    }

    public static TflmArenaEstimate of(Model model, TflmTarget target) {
        int p = target.pointerBytes();
        Subgraph graph = model.mainSubgraph();
        List<Operator> ops = graph.operators();
        List<KernelFootprint> kernels = new ArrayList<>();
        for (Operator op : ops) {
            kernels.add(TflmKernels.of(model, op, target));
        }
        ArenaSimulation arena = new ArenaSimulation();
        persistent(arena, target.arenaAllocator());
        persistent(arena, target.greedyMemoryPlanner());
        persistent(arena, target.microAllocator());

        // StartModelAllocation.
        persistent(arena, target.builtinDataAllocator());
        int requestBytes = target.scratchBufferRequest().size();
        arena.resizeHead(requestBytes * MAX_SCRATCH_BUFFERS_PER_OP);
        arena.persistent(target.subgraphAllocations().size() * model.subgraphs().size(),
                target.subgraphAllocations().alignment());
        for (Subgraph sg : model.subgraphs()) {
            arena.persistent(target.evalTensor().size() * sg.tensors().size(), target.evalTensor().alignment());
        }
        for (Subgraph sg : model.subgraphs()) {
            arena.persistent(target.nodeAndRegistration().size() * sg.operators().size(),
                    target.nodeAndRegistration().alignment());
        }

        // PrepareNodeAndRegistrationDataFromFlatbuffer, InitSubgraphs, PrepareSubgraphs.
        for (KernelFootprint k : kernels) {
            if (k.builtinData() != null) {
                persistent(arena, k.builtinData());
            }
        }
        for (KernelFootprint k : kernels) {
            if (k.opDataBytes() > 0) {
                arena.persistent(k.opDataBytes(), 16);
            }
        }
        List<ScratchRequest> scratch = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            for (Step step : kernels.get(i).prepare()) {
                if (step instanceof TempTensor t && t.tensorIndex() >= 0) {
                    tempTensor(arena, target, graph.tensor(t.tensorIndex()));
                } else if (step instanceof Persistent b) {
                    arena.persistent(b.bytes(), 16);
                } else if (step instanceof Scratch s) {
                    scratch.add(new ScratchRequest(i, s.bytes()));
                }
            }
            arena.resetTemp();
            arena.resizeHead(requestBytes * (scratch.size() + MAX_SCRATCH_BUFFERS_PER_OP));
        }

        // FinishModelAllocation.
        if (!scratch.isEmpty()) {
            arena.persistent(target.scratchBufferHandle().size() * scratch.size(), p);
        }
        for (Tensor tensor : graph.tensors()) {
            if (tensor.isVariable()) {
                arena.persistent((int) tensor.byteSize(), 16);
            }
        }
        List<BufferRequest> buffers = TflmArenaRequests.of(model, scratch);
        int tensorCount = 0;
        for (Subgraph sg : model.subgraphs()) {
            tensorCount += sg.tensors().size();
        }
        arena.temp(p * model.subgraphs().size(), p);
        arena.temp(target.allocationInfo().size() * (tensorCount + scratch.size()), target.allocationInfo().alignment());
        arena.plannerScratch(buffers.size(), TflmGreedyMemoryPlanner.PER_BUFFER_BYTES);
        int plan = new TflmGreedyMemoryPlanner().plan(buffers).arenaBytes();
        arena.resetTemp();
        arena.resizeHead(0);
        arena.resizeHead(plan);

        // AllocateTensors: the interpreter's input and output TfLiteTensors.
        for (List<Integer> io : List.of(graph.inputs(), graph.outputs())) {
            arena.persistent(p * io.size(), 16);
            for (int t : io) {
                persistentTensor(arena, target, graph.tensor(t));
            }
        }
        return new TflmArenaEstimate(arena.requiredBytes(), plan, arena.tail());
    }

    private static void persistent(ArenaSimulation arena, CLayout struct) {
        arena.persistent(struct.size(), struct.alignment());
    }

    /** AllocateTempTfLiteTensor: the tensor, then (when quantized) its TfLiteAffineQuantization and zero points. */
    private static void tempTensor(ArenaSimulation arena, TflmTarget target, Tensor tensor) {
        arena.temp(target.tensor().size(), target.tensor().alignment());
        if (hasQuantization(tensor.quantization())) {
            arena.temp(target.affineQuantization().size(), target.affineQuantization().alignment());
            arena.temp(intArrayBytes(tensor.quantization().scale().size()), 4);
        }
    }

    /** AllocatePersistentTfLiteTensor: the same, in the tail. */
    private static void persistentTensor(ArenaSimulation arena, TflmTarget target, Tensor tensor) {
        persistent(arena, target.tensor());
        if (hasQuantization(tensor.quantization())) {
            persistent(arena, target.affineQuantization());
            arena.persistent(intArrayBytes(tensor.quantization().scale().size()), 4);
        }
    }

    /** TFLM copies quantization only when both scale and zero point are non-empty. */
    private static boolean hasQuantization(Quantization q) {
        return !q.scale().isEmpty() && !q.zeroPoint().isEmpty();
    }

    /** TfLiteIntArrayGetSizeInBytes: the size field and one int per element. */
    private static int intArrayBytes(int elements) {
        return 4 + 4 * elements;
    }
}
