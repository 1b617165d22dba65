package dev.littlebrain.deploy;

import dev.littlebrain.deploy.tflm.TflmArenaEstimate;
import dev.littlebrain.deploy.tflm.TflmTarget;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.TfliteWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code tflm-cpp} deploy format: a small C++ library for TensorFlow Lite Micro users. It holds
 * the model as an aligned array, a {@code MicroMutableOpResolver} sized for and registering exactly the
 * operators the model uses (so the linker drops every other kernel), a static tensor arena sized by
 * {@link TflmArenaEstimate} — a model of TFLM's MicroAllocator and greedy planner — for the device's pointer
 * width and for a 64-bit host, {@code lb_invoke()} with the same contract as the {@code c-standalone}
 * export's, so application code — and LittleBrain's classifier wrapper — runs unchanged on either back end,
 * and build notes ({@value #BUILD_NOTES}).
 */
public final class TflmLibraryExport {
    public static final String MODEL_HEADER = "lb_model.h";
    public static final String LIBRARY_SOURCE = "lb_tflm.cpp";
    public static final String EXAMPLE = "example/main.cpp";
    public static final String BUILD_NOTES = "README.md";
    static final String SYMBOL = "g_lb_model";

    /** TFLM's MicroMutableOpResolver method that registers each builtin (as named in TFLM's headers). */
    private static final Map<BuiltinOperator, String> REGISTRATION = new EnumMap<>(BuiltinOperator.class);

    static {
        REGISTRATION.put(BuiltinOperator.ADD, "AddAdd");
        REGISTRATION.put(BuiltinOperator.AVERAGE_POOL_2D, "AddAveragePool2D");
        REGISTRATION.put(BuiltinOperator.CONCATENATION, "AddConcatenation");
        REGISTRATION.put(BuiltinOperator.CONV_2D, "AddConv2D");
        REGISTRATION.put(BuiltinOperator.DEPTHWISE_CONV_2D, "AddDepthwiseConv2D");
        REGISTRATION.put(BuiltinOperator.DEQUANTIZE, "AddDequantize");
        REGISTRATION.put(BuiltinOperator.EXPAND_DIMS, "AddExpandDims");
        REGISTRATION.put(BuiltinOperator.FULLY_CONNECTED, "AddFullyConnected");
        REGISTRATION.put(BuiltinOperator.LEAKY_RELU, "AddLeakyRelu");
        REGISTRATION.put(BuiltinOperator.LOGISTIC, "AddLogistic");
        REGISTRATION.put(BuiltinOperator.MAX_POOL_2D, "AddMaxPool2D");
        REGISTRATION.put(BuiltinOperator.MEAN, "AddMean");
        REGISTRATION.put(BuiltinOperator.MUL, "AddMul");
        REGISTRATION.put(BuiltinOperator.PACK, "AddPack");
        REGISTRATION.put(BuiltinOperator.PAD, "AddPad");
        REGISTRATION.put(BuiltinOperator.PADV2, "AddPadV2");
        REGISTRATION.put(BuiltinOperator.QUANTIZE, "AddQuantize");
        REGISTRATION.put(BuiltinOperator.RELU, "AddRelu");
        REGISTRATION.put(BuiltinOperator.RELU6, "AddRelu6");
        REGISTRATION.put(BuiltinOperator.RESHAPE, "AddReshape");
        REGISTRATION.put(BuiltinOperator.SHAPE, "AddShape");
        REGISTRATION.put(BuiltinOperator.SOFTMAX, "AddSoftmax");
        REGISTRATION.put(BuiltinOperator.SQUEEZE, "AddSqueeze");
        REGISTRATION.put(BuiltinOperator.STRIDED_SLICE, "AddStridedSlice");
        REGISTRATION.put(BuiltinOperator.SUB, "AddSub");
        REGISTRATION.put(BuiltinOperator.TANH, "AddTanh");
        REGISTRATION.put(BuiltinOperator.TRANSPOSE, "AddTranspose");
        // The rest of TFLM's builtin kernels: a model that TFLM runs exports, whether or not our runtime runs it.
        REGISTRATION.put(BuiltinOperator.ABS, "AddAbs");
        REGISTRATION.put(BuiltinOperator.ADD_N, "AddAddN");
        REGISTRATION.put(BuiltinOperator.ARG_MAX, "AddArgMax");
        REGISTRATION.put(BuiltinOperator.ARG_MIN, "AddArgMin");
        REGISTRATION.put(BuiltinOperator.BATCH_TO_SPACE_ND, "AddBatchToSpaceNd");
        REGISTRATION.put(BuiltinOperator.CAST, "AddCast");
        REGISTRATION.put(BuiltinOperator.CEIL, "AddCeil");
        REGISTRATION.put(BuiltinOperator.COS, "AddCos");
        REGISTRATION.put(BuiltinOperator.DEPTH_TO_SPACE, "AddDepthToSpace");
        REGISTRATION.put(BuiltinOperator.DIV, "AddDiv");
        REGISTRATION.put(BuiltinOperator.ELU, "AddElu");
        REGISTRATION.put(BuiltinOperator.EQUAL, "AddEqual");
        REGISTRATION.put(BuiltinOperator.EXP, "AddExp");
        REGISTRATION.put(BuiltinOperator.FILL, "AddFill");
        REGISTRATION.put(BuiltinOperator.FLOOR, "AddFloor");
        REGISTRATION.put(BuiltinOperator.FLOOR_DIV, "AddFloorDiv");
        REGISTRATION.put(BuiltinOperator.FLOOR_MOD, "AddFloorMod");
        REGISTRATION.put(BuiltinOperator.GATHER, "AddGather");
        REGISTRATION.put(BuiltinOperator.GATHER_ND, "AddGatherNd");
        REGISTRATION.put(BuiltinOperator.GREATER, "AddGreater");
        REGISTRATION.put(BuiltinOperator.GREATER_EQUAL, "AddGreaterEqual");
        REGISTRATION.put(BuiltinOperator.L2_NORMALIZATION, "AddL2Normalization");
        REGISTRATION.put(BuiltinOperator.L2_POOL_2D, "AddL2Pool2D");
        REGISTRATION.put(BuiltinOperator.LESS, "AddLess");
        REGISTRATION.put(BuiltinOperator.LESS_EQUAL, "AddLessEqual");
        REGISTRATION.put(BuiltinOperator.LOG, "AddLog");
        REGISTRATION.put(BuiltinOperator.LOGICAL_AND, "AddLogicalAnd");
        REGISTRATION.put(BuiltinOperator.LOGICAL_NOT, "AddLogicalNot");
        REGISTRATION.put(BuiltinOperator.LOGICAL_OR, "AddLogicalOr");
        REGISTRATION.put(BuiltinOperator.LOG_SOFTMAX, "AddLogSoftmax");
        REGISTRATION.put(BuiltinOperator.MAXIMUM, "AddMaximum");
        REGISTRATION.put(BuiltinOperator.MINIMUM, "AddMinimum");
        REGISTRATION.put(BuiltinOperator.MIRROR_PAD, "AddMirrorPad");
        REGISTRATION.put(BuiltinOperator.NEG, "AddNeg");
        REGISTRATION.put(BuiltinOperator.NOT_EQUAL, "AddNotEqual");
        REGISTRATION.put(BuiltinOperator.PRELU, "AddPrelu");
        REGISTRATION.put(BuiltinOperator.REDUCE_MAX, "AddReduceMax");
        REGISTRATION.put(BuiltinOperator.RESIZE_BILINEAR, "AddResizeBilinear");
        REGISTRATION.put(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, "AddResizeNearestNeighbor");
        REGISTRATION.put(BuiltinOperator.RSQRT, "AddRsqrt");
        REGISTRATION.put(BuiltinOperator.SIN, "AddSin");
        REGISTRATION.put(BuiltinOperator.SLICE, "AddSlice");
        REGISTRATION.put(BuiltinOperator.SPACE_TO_BATCH_ND, "AddSpaceToBatchNd");
        REGISTRATION.put(BuiltinOperator.SPACE_TO_DEPTH, "AddSpaceToDepth");
        REGISTRATION.put(BuiltinOperator.SPLIT, "AddSplit");
        REGISTRATION.put(BuiltinOperator.SPLIT_V, "AddSplitV");
        REGISTRATION.put(BuiltinOperator.SQRT, "AddSqrt");
        REGISTRATION.put(BuiltinOperator.SQUARE, "AddSquare");
        REGISTRATION.put(BuiltinOperator.SQUARED_DIFFERENCE, "AddSquaredDifference");
        REGISTRATION.put(BuiltinOperator.SUM, "AddSum");
        REGISTRATION.put(BuiltinOperator.SVDF, "AddSvdf");
        REGISTRATION.put(BuiltinOperator.TRANSPOSE_CONV, "AddTransposeConv");
        REGISTRATION.put(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, "AddUnidirectionalSequenceLSTM");
        REGISTRATION.put(BuiltinOperator.UNPACK, "AddUnpack");
        REGISTRATION.put(BuiltinOperator.ZEROS_LIKE, "AddZerosLike");
        REGISTRATION.put(BuiltinOperator.BROADCAST_TO, "AddBroadcastTo");
        REGISTRATION.put(BuiltinOperator.CALL_ONCE, "AddCallOnce");
        REGISTRATION.put(BuiltinOperator.CUMSUM, "AddCumSum");
        REGISTRATION.put(BuiltinOperator.HARD_SWISH, "AddHardSwish");
        REGISTRATION.put(BuiltinOperator.IF, "AddIf");
        REGISTRATION.put(BuiltinOperator.READ_VARIABLE, "AddReadVariable");
        REGISTRATION.put(BuiltinOperator.ROUND, "AddRound");
        REGISTRATION.put(BuiltinOperator.SELECT_V2, "AddSelectV2");
        REGISTRATION.put(BuiltinOperator.VAR_HANDLE, "AddVarHandle");
        REGISTRATION.put(BuiltinOperator.WHILE, "AddWhile");
    }

    private final Model model;
    private final String modelSource;
    /** The output's labels for lb_model.h; empty when not known. */
    private final List<String> labels;
    private final Interpreter interpreter;
    private final Subgraph graph;

    private TflmLibraryExport(Model model, String modelSource, List<String> labels) {
        this.model = model;
        this.modelSource = modelSource;
        this.labels = List.copyOf(labels);
        this.interpreter = new Interpreter(model);
        this.graph = model.mainSubgraph();
    }

    /** Writes the library into {@code outDir}; returns the files written. */
    public static List<Path> write(Model model, String modelSource, Path outDir) throws IOException {
        return write(model, modelSource, outDir, Map.of());
    }

    /**
     * Writes the library plus {@code frontEnd} (e.g. {@link ImpulseCExport#frontEnd}: DSP and classifier wrapper,
     * which run on this library's {@code lb_invoke}) into {@code outDir}; returns the files written.
     */
    public static List<Path> write(Model model, String modelSource, Path outDir, Map<String, String> frontEnd)
            throws IOException {
        return write(model, modelSource, List.of(), outDir, frontEnd);
    }

    /** As {@link #write(Model, String, Path, Map)}, with the output's labels (none when empty) in lb_model.h. */
    public static List<Path> write(Model model, String modelSource, List<String> labels, Path outDir,
                                   Map<String, String> frontEnd) throws IOException {
        TflmLibraryExport export = new TflmLibraryExport(model, modelSource, labels);
        Map<String, String> files = new LinkedHashMap<>(export.files());
        files.putAll(frontEnd);
        List<Path> written = new ArrayList<>(CArrayExport.write(TfliteWriter.write(model), SYMBOL, modelSource, outDir));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = outDir.resolve(f.getKey());
            CSource.requireDirectory(file.getParent());
            CSource.write(file, f.getValue());
            written.add(file);
        }
        return written;
    }

    /** The TFLM registration calls for the model's operators, sorted, one per distinct operator. */
    public static List<String> registrations(Model model) {
        TreeSet<String> calls = new TreeSet<>();
        for (Operator op : model.mainSubgraph().operators()) {
            OperatorCode code = model.operatorCode(op);
            String call = code.isCustom() ? null : REGISTRATION.get(code.builtin());
            if (call == null) {
                throw new UnsupportedOperationException("tflm-cpp: operator " + code.displayName()
                        + " has no TensorFlow Lite Micro registration known to LittleBrain");
            }
            calls.add(call);
        }
        return List.copyOf(calls);
    }

    /** TFLM's arena for this model on a target: the smallest with which AllocateTensors succeeds (reference kernels). */
    public int arenaBytes(TflmTarget target) {
        return TflmArenaEstimate.of(model, target).bytes();
    }

    private Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>(librarySources(false));
        files.put(EXAMPLE, example());
        files.put(BUILD_NOTES, buildNotes(false));
        return files;
    }

    /**
     * The library's own sources (model header and the TFLM glue, not the model array); for the Arduino
     * IDE the glue first includes {@code <TensorFlowLite.h>}, which is how the IDE finds the TFLM library.
     */
    static Map<String, String> librarySources(Model model, String modelSource, List<String> labels, boolean arduino) {
        return new TflmLibraryExport(model, modelSource, labels).librarySources(arduino);
    }

    /** The build notes ({@value #BUILD_NOTES}) of the library, for the Arduino zip too. */
    static String buildNotes(Model model, String modelSource, boolean arduino) {
        return new TflmLibraryExport(model, modelSource, List.of()).buildNotes(arduino);
    }

    private Map<String, String> librarySources(boolean arduino) {
        List<String> calls = registrations(model);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(MODEL_HEADER, header(ioBytes(graph.inputs()), ioBytes(graph.outputs())));
        files.put(LIBRARY_SOURCE, library(calls, arduino));
        return files;
    }

    private int ioBytes(List<Integer> tensors) {
        return StandaloneCGenerator.ioBytes(interpreter, tensors);
    }

    private String banner() {
        return "/*\n"
                + " * Generated by LittleBrain (littlebrain deploy --format tflm-cpp) from "
                + CSource.commentText(modelSource) + ".\n"
                + " * " + graph.operators().size() + " operators; TensorFlow Lite Micro's greedy plan needs "
                + TflmArenaEstimate.of(model, TflmTarget.CORTEX_M).planBytes() + " bytes of activations\n"
                + " * (LittleBrain's planner: " + interpreter.arenaBytes() + "); the arena adds TFLM's own structures.\n"
                + " * Build with -DTF_LITE_STATIC_MEMORY like TFLM's library (without it: a silent crash), TFLM's headers\n"
                + " * through -isystem under -Werror, and -fno-threadsafe-statics on Cortex-M (about 7 KB less flash);\n"
                + " * see " + BUILD_NOTES + ".\n"
                + " * Do not edit: re-run the export instead.\n"
                + " */\n";
    }

    private String header(int inputBytes, int outputBytes) {
        TflmArenaEstimate device = TflmArenaEstimate.of(model, TflmTarget.CORTEX_M);
        return CSource.modelHeader(banner(), inputBytes, outputBytes,
                "\n/* Tensor arena for TFLM: the smallest with which AllocateTensors() succeeds, from a model of TFLM's\n"
                        + " * MicroAllocator and greedy memory planner with its reference kernels. TFLM's structures hold\n"
                        + " * pointers, so 64-bit hosts need more than 32-bit MCUs (Cortex-M); the size follows the pointer\n"
                        + " * width. TFLM built with CMSIS-NN kernels needs a little more (their scratch buffers):\n"
                        + " * LB_TFLM_CMSIS_NN_MARGIN_BYTES is added when CMSIS_NN (TFLM's own flag) or LB_TFLM_CMSIS_NN is\n"
                        + " * defined. Do not trim the arena to lb_tflm_arena_used_bytes(): while it plans, AllocateTensors()\n"
                        + " * needs more than it keeps (" + device.bytes() + " vs " + device.usedBytes() + " bytes here on 32-bit).\n"
                        + " * Define LB_TFLM_ARENA_BYTES to choose another size. */\n"
                        + "#define LB_TFLM_ARENA_BYTES_32BIT " + device.bytes() + "\n"
                        + "#define LB_TFLM_ARENA_BYTES_64BIT " + arenaBytes(TflmTarget.HOST_64) + "\n"
                        + "#define LB_TFLM_CMSIS_NN_MARGIN_BYTES " + TflmArenaEstimate.CMSIS_NN_MARGIN_BYTES + "\n"
                        + "#ifndef LB_TFLM_ARENA_BYTES\n"
                        + "#if UINTPTR_MAX > 0xFFFFFFFFu\n"
                        + "#define LB_TFLM_ARENA_BASE_BYTES LB_TFLM_ARENA_BYTES_64BIT\n"
                        + "#else\n"
                        + "#define LB_TFLM_ARENA_BASE_BYTES LB_TFLM_ARENA_BYTES_32BIT\n"
                        + "#endif\n"
                        + "#if defined(CMSIS_NN) || defined(LB_TFLM_CMSIS_NN)\n"
                        + "#define LB_TFLM_ARENA_BYTES (LB_TFLM_ARENA_BASE_BYTES + LB_TFLM_CMSIS_NN_MARGIN_BYTES)\n"
                        + "#else\n"
                        + "#define LB_TFLM_ARENA_BYTES LB_TFLM_ARENA_BASE_BYTES\n"
                        + "#endif\n"
                        + "#endif\n"
                        + ModelIoDefines.of(model, labels),
                "/* Runs the model once with TensorFlow Lite Micro (set up on the first successful call); returns 0 on\n"
                        + " * success, -1 when the model or arena cannot be set up (TFLM logs why; a later call tries again),\n"
                        + " * -2 when an operator fails. Not reentrant. */\n"
                        + "int lb_invoke(const void *input, void *output);\n"
                        + "\n"
                        + "/* Arena bytes TFLM kept after setting up (0 before): less than it needs while setting up. */\n"
                        + "size_t lb_tflm_arena_used_bytes(void);\n");
    }

    private String library(List<String> calls, boolean arduino) {
        StringBuilder b = new StringBuilder(banner());
        if (arduino) {
            b.append("#include <TensorFlowLite.h>\n\n");
        }
        b.append("#include <stdint.h>\n#include <string.h>\n\n#include <new>\n\n")
                .append("#include \"tensorflow/lite/micro/micro_interpreter.h\"\n")
                .append("#include \"tensorflow/lite/micro/micro_mutable_op_resolver.h\"\n")
                .append("#include \"tensorflow/lite/schema/schema_generated.h\"\n\n")
                .append("#include \"lb_model.h\"\n#include \"model_data.h\"\n\n")
                .append("namespace {\n\n")
                .append("// Only the operators this model uses: the linker keeps no other kernel.\n")
                .append("using LbOpResolver = tflite::MicroMutableOpResolver<").append(calls.size()).append(">;\n\n")
                .append("alignas(16) uint8_t lb_arena[LB_TFLM_ARENA_BYTES];\n")
                .append("LbOpResolver lb_resolver;\n")
                .append("bool lb_ops_registered = false;\n")
                .append("alignas(tflite::MicroInterpreter) uint8_t lb_interpreter_storage[sizeof(tflite::MicroInterpreter)];\n")
                .append("tflite::MicroInterpreter *lb_interpreter = nullptr;\n\n")
                .append("bool lb_register_ops(LbOpResolver &resolver) {\n")
                .append("    return");
        for (int i = 0; i < calls.size(); i++) {
            b.append(i == 0 ? " " : "\n        && ").append("resolver.").append(calls.get(i)).append("() == kTfLiteOk");
        }
        b.append(";\n}\n\n")
                .append("// Sets TFLM up: parse the model in place, register the ops, plan the arena. Retried on every call\n")
                .append("// until it succeeds, so each failure is logged with its own cause.\n")
                .append("bool lb_setup() {\n")
                .append("    if (lb_interpreter != nullptr) {\n        return true;\n    }\n")
                .append("    const tflite::Model *model = tflite::GetModel(").append(SYMBOL).append(");\n")
                .append("    if (model->version() != TFLITE_SCHEMA_VERSION) {\n        return false;\n    }\n")
                .append("    // Once only: TFLM's resolver rejects an op added twice (\"AddBuiltin ... more than once\").\n")
                .append("    if (!lb_ops_registered) {\n")
                .append("        if (!lb_register_ops(lb_resolver)) {\n            return false;\n        }\n")
                .append("        lb_ops_registered = true;\n    }\n")
                .append("    // A fresh interpreter each try: after a failed AllocateTensors() TFLM's allocator refuses to start\n")
                .append("    // again. The failed one is abandoned, not destroyed: its node list may be half set up.\n")
                .append("    tflite::MicroInterpreter *interpreter = new (lb_interpreter_storage)\n")
                .append("        tflite::MicroInterpreter(model, lb_resolver, lb_arena, sizeof lb_arena);\n")
                .append("    if (interpreter->AllocateTensors() != kTfLiteOk) {\n        return false;\n    }\n")
                .append("    lb_interpreter = interpreter;\n")
                .append("    return true;\n}\n\n")
                .append("}  // namespace\n\n")
                .append("extern \"C\" int lb_invoke(const void *input, void *output) {\n")
                .append("    if (!lb_setup()) {\n        return -1;\n    }\n")
                .append("    const uint8_t *in = static_cast<const uint8_t *>(input);\n")
                .append("    for (size_t i = 0; i < lb_interpreter->inputs_size(); i++) {\n")
                .append("        TfLiteTensor *t = lb_interpreter->input(i);\n")
                .append("        memcpy(t->data.raw, in, t->bytes);\n")
                .append("        in += t->bytes;\n    }\n")
                .append("    if (lb_interpreter->Invoke() != kTfLiteOk) {\n        return -2;\n    }\n")
                .append("    uint8_t *out = static_cast<uint8_t *>(output);\n")
                .append("    for (size_t i = 0; i < lb_interpreter->outputs_size(); i++) {\n")
                .append("        const TfLiteTensor *t = lb_interpreter->output(i);\n")
                .append("        memcpy(out, t->data.raw, t->bytes);\n")
                .append("        out += t->bytes;\n    }\n")
                .append("    return 0;\n}\n\n")
                .append("extern \"C\" size_t lb_tflm_arena_used_bytes(void) {\n")
                .append("    return lb_interpreter == nullptr ? 0 : lb_interpreter->arena_used_bytes();\n}\n");
        return b.toString();
    }

    /** The build notes: the flags TFLM's headers need, the arena, and a host build of the example. */
    String buildNotes(boolean arduino) {
        TflmArenaEstimate device = TflmArenaEstimate.of(model, TflmTarget.CORTEX_M);
        StringBuilder b = new StringBuilder("# " + modelSource.replaceAll("[\\r\\n]", " ")
                + " on TensorFlow Lite Micro: build notes\n\n"
                + "Generated by LittleBrain (littlebrain deploy --format " + (arduino ? "arduino" : "tflm-cpp") + ").\n\n"
                + "`lb_model.h` is the whole API (`lb_invoke`, the I/O sizes, the arena size); `lb_tflm.cpp` runs the model\n"
                + "with TFLM's `MicroInterpreter`; `model_data.c` holds the model.\n\n"
                + "## Compiler flags\n\n"
                + "- `-DTF_LITE_STATIC_MEMORY` for every file that includes TFLM's headers (`lb_tflm.cpp`), exactly as\n"
                + "  TFLM's library is built (its Makefile always sets it). Without it `TfLiteTensor` and `TfLiteNode` have\n"
                + "  another layout than in the library, and the program crashes without a message.\n"
                + "- TFLM's headers through `-isystem`, not `-I` (`-isystem $TFLM -isystem\n"
                + "  $TFLM/tensorflow/lite/micro/tools/make/downloads/flatbuffers/include -isystem\n"
                + "  $TFLM/tensorflow/lite/micro/tools/make/downloads/gemmlowp`): they do not build warning-free under\n"
                + "  `-Wall -Wextra -Werror`; the generated files do.\n"
                + "- On Cortex-M, `-fno-threadsafe-statics` (as TFLM's own Makefile): without it the guards of TFLM's\n"
                + "  function-local statics cost about 7 KB of flash on a Cortex-M4. Also `-fno-rtti -fno-exceptions`.\n\n"
                + "## Tensor arena\n\n"
                + "`LB_TFLM_ARENA_BYTES` follows the pointer width: " + device.bytes() + " bytes on 32-bit targets"
                + " (Cortex-M),\n" + arenaBytes(TflmTarget.HOST_64) + " bytes on 64-bit hosts, where TFLM's structures are"
                + " larger. Each is the smallest arena with which\n"
                + "`AllocateTensors()` succeeds with TFLM's reference kernels, from a model of TFLM's allocator and greedy\n"
                + "planner. TFLM built with CMSIS-NN kernels (`OPTIMIZED_KERNEL_DIR=cmsis_nn`) needs a little more for their\n"
                + "scratch buffers: `LB_TFLM_CMSIS_NN_MARGIN_BYTES` (" + TflmArenaEstimate.CMSIS_NN_MARGIN_BYTES
                + ") is added when `CMSIS_NN` or `LB_TFLM_CMSIS_NN` is defined.\n"
                + "`-DLB_TFLM_ARENA_BYTES=N` overrides. Do not trim it to `lb_tflm_arena_used_bytes()` ("
                + device.usedBytes() + " on 32-bit):\n"
                + "`AllocateTensors()` needs more while it plans than it keeps afterwards.\n");
        if (arduino) {
            b.append("\n## Arduino\n\n"
                    + "The library depends on `Arduino_TensorFlowLite` (declared in `library.properties`), which provides\n"
                    + "`TensorFlowLite.h` and builds TFLM with the flags above.\n");
        } else {
            b.append("\n## The example on a 64-bit host\n\n"
                    + "With TFLM checked out in `$TFLM` and built (`make -f tensorflow/lite/micro/tools/make/Makefile microlite`):\n\n"
                    + "```sh\n"
                    + "TFLM_INC=\"-isystem $TFLM -isystem $TFLM/tensorflow/lite/micro/tools/make/downloads/flatbuffers/include\"\n"
                    + "g++ -std=c++17 -O2 -Wall -Wextra -Werror -DTF_LITE_STATIC_MEMORY $TFLM_INC -I . -c lb_tflm.cpp\n"
                    + "g++ -std=c++17 -O2 -Wall -Wextra -Werror -I . -c example/main.cpp\n"
                    + "gcc -std=c99 -O2 -Wall -Wextra -Werror -c model_data.c\n"
                    + "g++ -o example lb_tflm.o main.o model_data.o $TFLM/gen/*/lib/libtensorflow-microlite.a\n"
                    + "./example input.bin output.bin\n"
                    + "```\n");
        }
        return b.toString();
    }

    private String example() {
        return banner()
                + "// Example host program: runs the model once on raw input bytes read from a file (the\n"
                + "// shared/conformance layout: all inputs concatenated, little-endian) or on zeros, and writes\n"
                + "// the raw output bytes to a file or prints them. On a device, call lb_invoke() the same way.\n"
                + "// lb_model.h sizes the arena by pointer width, so this host build gets the 64-bit arena.\n"
                + "#include <stdint.h>\n#include <stdio.h>\n\n#include \"../lb_model.h\"\n\n"
                + "static uint8_t input[LB_INPUT_BYTES];\nstatic uint8_t output[LB_OUTPUT_BYTES];\n\n"
                + "int main(int argc, char **argv) {\n"
                + "    if (argc > 1) {\n"
                + "        FILE *f = fopen(argv[1], \"rb\");\n"
                + "        if (f == nullptr || fread(input, 1, sizeof input, f) != sizeof input) {\n"
                + "            fprintf(stderr, \"cannot read %d input bytes from %s\\n\", LB_INPUT_BYTES, argv[1]);\n"
                + "            return 1;\n        }\n        fclose(f);\n    }\n"
                + "    int status = lb_invoke(input, output);\n"
                + "    if (status != 0) {\n"
                + "        fprintf(stderr, \"lb_invoke failed (%d)\\n\", status);\n        return 1;\n    }\n"
                + "    if (argc > 2) {\n"
                + "        FILE *f = fopen(argv[2], \"wb\");\n"
                + "        if (f == nullptr || fwrite(output, 1, sizeof output, f) != sizeof output) {\n"
                + "            fprintf(stderr, \"cannot write %s\\n\", argv[2]);\n            return 1;\n        }\n"
                + "        fclose(f);\n"
                + "    } else {\n"
                + "        for (size_t i = 0; i < sizeof output; i++) {\n"
                + "            printf(\"%d%c\", (int8_t) output[i], i + 1 < sizeof output ? ' ' : '\\n');\n        }\n    }\n"
                + "    fprintf(stderr, \"arena used: %zu of %d bytes\\n\", lb_tflm_arena_used_bytes(), LB_TFLM_ARENA_BYTES);\n"
                + "    return 0;\n}\n";
    }
}
