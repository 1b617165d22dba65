package dev.littlebrain.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.tflite.fb.OperatorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Serialises a {@link Model} to TFLite flatbuffer bytes. Buffer data is 16-byte aligned, as TFLite's
 * converter does, so that kernels on a device can read weights in place.
 */
public final class TfliteWriter {
    private static final int BUFFER_ALIGNMENT = 16;

    private TfliteWriter() {
    }

    public static byte[] write(Model model) {
        return flatbuffer(model, null);
    }

    /**
     * Writes the model with its buffer data appended after the flatbuffer and addressed by
     * offset/size, the layout TFLite uses for models over 2 GB (the flatbuffer itself cannot address
     * more). Readers of either layout see the same model.
     */
    public static byte[] writeWithAppendedBuffers(Model model) {
        int count = model.buffers().size();
        long[] placeholders = new long[count];
        java.util.Arrays.fill(placeholders, 1L << 40); // same encoded size as any real offset
        int flatbufferSize = flatbuffer(model, placeholders).length;
        long[] offsets = new long[count];
        long position = align(flatbufferSize);
        for (int i = 0; i < count; i++) {
            Buffer buf = model.buffers().get(i);
            if (!buf.isEmpty()) {
                offsets[i] = position;
                position = align(position + buf.size());
            }
        }
        byte[] head = flatbuffer(model, offsets);
        if (head.length != flatbufferSize) {
            throw new IllegalStateException("flatbuffer size changed between passes");
        }
        byte[] out = new byte[(int) position];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < count; i++) {
            Buffer buf = model.buffers().get(i);
            if (!buf.isEmpty()) {
                buf.copyTo(0, out, (int) offsets[i], buf.size());
            }
        }
        return out;
    }

    private static long align(long position) {
        return (position + BUFFER_ALIGNMENT - 1) / BUFFER_ALIGNMENT * BUFFER_ALIGNMENT;
    }

    /** @param externalOffsets null to embed buffer data; else the file offset of each non-empty buffer */
    private static byte[] flatbuffer(Model model, long[] externalOffsets) {
        FlatBufferBuilder b = new FlatBufferBuilder(estimateSize(model));

        // Flatbuffers are built back to front; the large buffers go first so the tables end up in front of them.
        int[] buffers = new int[model.buffers().size()];
        for (int i = buffers.length - 1; i >= 0; i--) {
            Buffer data = model.buffers().get(i);
            buffers[i] = externalOffsets == null || data.isEmpty() ? buffer(b, data)
                    : dev.littlebrain.tflite.fb.Buffer.createBuffer(b, 0, externalOffsets[i], data.size());
        }
        int buffersVector = b.createVectorOfTables(buffers);

        int[] subgraphs = new int[model.subgraphs().size()];
        for (int i = 0; i < subgraphs.length; i++) {
            subgraphs[i] = subgraph(b, model.subgraphs().get(i));
        }
        int subgraphsVector = b.createVectorOfTables(subgraphs);

        int[] codes = new int[model.operatorCodes().size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = operatorCode(b, model.operatorCodes().get(i));
        }
        int codesVector = b.createVectorOfTables(codes);

        int[] metadata = new int[model.metadata().size()];
        for (int i = 0; i < metadata.length; i++) {
            Metadata m = model.metadata().get(i);
            metadata[i] = dev.littlebrain.tflite.fb.Metadata.createMetadata(b, b.createString(m.name()), m.buffer());
        }
        int metadataVector = metadata.length == 0 ? 0 : b.createVectorOfTables(metadata);

        int[] signatures = new int[model.signatureDefs().size()];
        for (int i = 0; i < signatures.length; i++) {
            signatures[i] = signature(b, model.signatureDefs().get(i));
        }
        int signaturesVector = signatures.length == 0 ? 0 : b.createVectorOfTables(signatures);

        int description = b.createString(model.description());
        int root = dev.littlebrain.tflite.fb.Model.createModel(b, model.version(), codesVector, subgraphsVector,
                description, buffersVector, 0, metadataVector, signaturesVector);
        b.finish(root, "TFL3");
        return b.sizedByteArray();
    }

    /** Writes atomically: a partially written model never replaces an existing file. */
    public static void write(Model model, Path file) throws IOException {
        AtomicFiles.write(file, write(model));
    }

    private static int estimateSize(Model model) {
        long total = 1024;
        for (Buffer buf : model.buffers()) {
            total += buf.size() + BUFFER_ALIGNMENT + 16;
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, total + 64L * model.mainSubgraph().tensors().size());
    }

    private static int buffer(FlatBufferBuilder b, Buffer buffer) {
        int data = 0;
        if (!buffer.isEmpty()) {
            ByteBuffer target = b.createUnintializedVector(1, buffer.size(), BUFFER_ALIGNMENT);
            byte[] bytes = buffer.bytes();
            target.put(bytes);
            data = b.endVector();
        }
        dev.littlebrain.tflite.fb.Buffer.startBuffer(b);
        if (data != 0) {
            dev.littlebrain.tflite.fb.Buffer.addData(b, data);
        }
        return dev.littlebrain.tflite.fb.Buffer.endBuffer(b);
    }

    private static int operatorCode(FlatBufferBuilder b, dev.littlebrain.tflite.OperatorCode code) {
        int custom = code.customCode() == null ? 0 : b.createString(code.customCode());
        // The byte field saturates at the placeholder for codes that do not fit, as TFLite's writer does.
        byte deprecated = (byte) Math.min(code.builtinCode(), BuiltinOperator.PLACEHOLDER_FOR_GREATER_OP_CODES.code());
        return OperatorCode.createOperatorCode(b, deprecated, custom, code.version(), code.builtinCode());
    }

    private static int subgraph(FlatBufferBuilder b, Subgraph g) {
        int[] tensors = new int[g.tensors().size()];
        for (int i = 0; i < tensors.length; i++) {
            tensors[i] = tensor(b, g.tensors().get(i));
        }
        int tensorsVector = b.createVectorOfTables(tensors);
        int[] operators = new int[g.operators().size()];
        for (int i = 0; i < operators.length; i++) {
            operators[i] = operator(b, g.operators().get(i));
        }
        int operatorsVector = b.createVectorOfTables(operators);
        int inputs = intVector(b, g.inputs());
        int outputs = intVector(b, g.outputs());
        int name = g.name().isEmpty() ? 0 : b.createString(g.name());
        return dev.littlebrain.tflite.fb.SubGraph.createSubGraph(b, tensorsVector, inputs, outputs, operatorsVector,
                name);
    }

    private static int tensor(FlatBufferBuilder b, Tensor t) {
        int shape = intVector(b, t.shape());
        int signature = t.shapeSignature().isEmpty() ? 0 : intVector(b, t.shapeSignature());
        int name = b.createString(t.name());
        int quantization = quantization(b, t.quantization());
        dev.littlebrain.tflite.fb.Tensor.startTensor(b);
        dev.littlebrain.tflite.fb.Tensor.addShape(b, shape);
        dev.littlebrain.tflite.fb.Tensor.addType(b, (byte) t.type().code());
        dev.littlebrain.tflite.fb.Tensor.addBuffer(b, t.buffer());
        dev.littlebrain.tflite.fb.Tensor.addName(b, name);
        if (quantization != 0) {
            dev.littlebrain.tflite.fb.Tensor.addQuantization(b, quantization);
        }
        dev.littlebrain.tflite.fb.Tensor.addIsVariable(b, t.isVariable());
        if (signature != 0) {
            dev.littlebrain.tflite.fb.Tensor.addShapeSignature(b, signature);
        }
        // TFLite distinguishes scalars (rank 0, has_rank) from unknown rank; our tensors always have a rank.
        dev.littlebrain.tflite.fb.Tensor.addHasRank(b, true);
        return dev.littlebrain.tflite.fb.Tensor.endTensor(b);
    }

    private static int quantization(FlatBufferBuilder b, Quantization q) {
        if (q.scale().isEmpty() && q.zeroPoint().isEmpty() && q.min().isEmpty() && q.max().isEmpty()) {
            return 0;
        }
        int min = q.min().isEmpty() ? 0 : floatVector(b, q.min());
        int max = q.max().isEmpty() ? 0 : floatVector(b, q.max());
        int scale = q.scale().isEmpty() ? 0 : floatVector(b, q.scale());
        int zeroPoint = 0;
        if (!q.zeroPoint().isEmpty()) {
            b.startVector(8, q.zeroPoint().size(), 8);
            for (int i = q.zeroPoint().size() - 1; i >= 0; i--) {
                b.addLong(q.zeroPoint().get(i));
            }
            zeroPoint = b.endVector();
        }
        return dev.littlebrain.tflite.fb.QuantizationParameters.createQuantizationParameters(b, min, max, scale,
                zeroPoint, (byte) 0, 0, q.quantizedDimension());
    }

    private static int operator(FlatBufferBuilder b, Operator op) {
        int inputs = intVector(b, op.inputs());
        int outputs = intVector(b, op.outputs());
        int options = OptionsCodec.write(b, op.options());
        byte[] customBytes = op.customOptions();
        int custom = customBytes.length == 0 ? 0 : b.createByteVector(customBytes);
        int intermediates = op.intermediates().isEmpty() ? 0 : intVector(b, op.intermediates());
        dev.littlebrain.tflite.fb.Operator.startOperator(b);
        dev.littlebrain.tflite.fb.Operator.addOpcodeIndex(b, op.opcodeIndex());
        dev.littlebrain.tflite.fb.Operator.addInputs(b, inputs);
        dev.littlebrain.tflite.fb.Operator.addOutputs(b, outputs);
        if (options != 0) {
            dev.littlebrain.tflite.fb.Operator.addBuiltinOptionsType(b, (byte) op.options().unionType());
            dev.littlebrain.tflite.fb.Operator.addBuiltinOptions(b, options);
        }
        if (custom != 0) {
            dev.littlebrain.tflite.fb.Operator.addCustomOptions(b, custom);
        }
        if (intermediates != 0) {
            dev.littlebrain.tflite.fb.Operator.addIntermediates(b, intermediates);
        }
        return dev.littlebrain.tflite.fb.Operator.endOperator(b);
    }

    private static int signature(FlatBufferBuilder b, SignatureDef s) {
        int inputs = tensorMaps(b, s.inputs());
        int outputs = tensorMaps(b, s.outputs());
        int key = b.createString(s.key());
        dev.littlebrain.tflite.fb.SignatureDef.startSignatureDef(b);
        dev.littlebrain.tflite.fb.SignatureDef.addInputs(b, inputs);
        dev.littlebrain.tflite.fb.SignatureDef.addOutputs(b, outputs);
        dev.littlebrain.tflite.fb.SignatureDef.addSignatureKey(b, key);
        dev.littlebrain.tflite.fb.SignatureDef.addSubgraphIndex(b, s.subgraphIndex());
        return dev.littlebrain.tflite.fb.SignatureDef.endSignatureDef(b);
    }

    private static int tensorMaps(FlatBufferBuilder b, java.util.Map<String, Integer> map) {
        int[] entries = new int[map.size()];
        int i = 0;
        for (var e : map.entrySet()) {
            entries[i++] = dev.littlebrain.tflite.fb.TensorMap.createTensorMap(b, b.createString(e.getKey()),
                    e.getValue());
        }
        return b.createVectorOfTables(entries);
    }

    private static int intVector(FlatBufferBuilder b, List<Integer> values) {
        b.startVector(4, values.size(), 4);
        for (int i = values.size() - 1; i >= 0; i--) {
            b.addInt(values.get(i));
        }
        return b.endVector();
    }

    private static int floatVector(FlatBufferBuilder b, List<Float> values) {
        b.startVector(4, values.size(), 4);
        for (int i = values.size() - 1; i >= 0; i--) {
            b.addFloat(values.get(i));
        }
        return b.endVector();
    }
}
