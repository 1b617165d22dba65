package dev.littlebrain.tflite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads TFLite flatbuffers (schema v3) into {@link Model}.
 *
 * <p>Flatbuffer accessors trust the bytes they are given, so this reader treats every offset and
 * length as hostile: vector lengths are checked against the file size before anything is allocated,
 * and any failure of the accessors becomes a {@link TfliteFormatException}. A corrupt file therefore
 * costs at most one pass over its own bytes — no out-of-memory, no hang, no foreign exception.
 */
public final class TfliteReader {
    private static final String IDENTIFIER = "TFL3";

    private TfliteReader() {
    }

    public static Model read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            Model model = read(bytes);
            ModelValidator.validate(model);
            return model;
        } catch (TfliteFormatException e) {
            throw new TfliteFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a model without semantic validation; see {@link ModelValidator}. */
    public static Model read(byte[] bytes) {
        if (bytes.length < 8) {
            throw new TfliteFormatException("file is truncated (" + bytes.length + " bytes): not a TFLite model");
        }
        String id = new String(bytes, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!IDENTIFIER.equals(id)) {
            throw new TfliteFormatException("not a TFLite model: file identifier is '" + printable(id)
                    + "', expected 'TFL3'");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int root = bb.getInt(0);
        if (root < 8 || root > bytes.length - 4) {
            throw new TfliteFormatException("file is truncated or corrupt: root table offset " + root
                    + " outside the " + bytes.length + "-byte file");
        }
        try {
            return new Parser(bytes, bb).model();
        } catch (TfliteFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TfliteFormatException("file is truncated or corrupt (" + e.getClass().getSimpleName()
                    + " while reading the flatbuffer)", e);
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.toString();
    }

    /** One parse of one file; holds the bytes so that vector lengths can be checked against them. */
    private static final class Parser {
        private final byte[] bytes;
        private final ByteBuffer bb;

        Parser(byte[] bytes, ByteBuffer bb) {
            this.bytes = bytes;
            this.bb = bb;
        }

        Model model() {
            var m = dev.littlebrain.tflite.fb.Model.getRootAsModel(bb);
            List<OperatorCode> codes = new ArrayList<>();
            for (int i = 0, n = tableCount(m.operatorCodesLength(), "operator_codes"); i < n; i++) {
                codes.add(operatorCode(m.operatorCodes(i), i));
            }
            List<Buffer> buffers = new ArrayList<>();
            for (int i = 0, n = tableCount(m.buffersLength(), "buffers"); i < n; i++) {
                buffers.add(buffer(m.buffers(i), i));
            }
            List<Subgraph> subgraphs = new ArrayList<>();
            for (int i = 0, n = tableCount(m.subgraphsLength(), "subgraphs"); i < n; i++) {
                subgraphs.add(subgraph(m.subgraphs(i), i));
            }
            List<Metadata> metadata = new ArrayList<>();
            for (int i = 0, n = tableCount(m.metadataLength(), "metadata"); i < n; i++) {
                var md = m.metadata(i);
                metadata.add(new Metadata(nullToEmpty(md.name()), (int) md.buffer()));
            }
            List<SignatureDef> signatures = new ArrayList<>();
            for (int i = 0, n = tableCount(m.signatureDefsLength(), "signature_defs"); i < n; i++) {
                var s = m.signatureDefs(i);
                signatures.add(new SignatureDef(nullToEmpty(s.signatureKey()), (int) s.subgraphIndex(),
                        tensorMap(s.inputsLength(), s::inputs), tensorMap(s.outputsLength(), s::outputs)));
            }
            return new Model((int) m.version(), codes, subgraphs, m.description(), buffers, metadata, signatures);
        }

        private Map<String, Integer> tensorMap(int length, java.util.function.IntFunction<dev.littlebrain.tflite.fb.TensorMap> get) {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (int i = 0, n = tableCount(length, "signature tensor map"); i < n; i++) {
                var t = get.apply(i);
                out.put(nullToEmpty(t.name()), (int) t.tensorIndex());
            }
            return out;
        }

        private OperatorCode operatorCode(dev.littlebrain.tflite.fb.OperatorCode c, int index) {
            // Old files only have the byte field; new ones put codes >= 127 in the int field and keep
            // the byte at the placeholder 127. TFLite takes the larger of the two, and so do we.
            int code = Math.max(c.deprecatedBuiltinCode(), c.builtinCode());
            if (code < 0) {
                throw new TfliteFormatException("operator code " + index + " has a negative builtin code " + code);
            }
            String custom = code == BuiltinOperator.CUSTOM.code() ? c.customCode() : null;
            return new OperatorCode(code, custom, c.version());
        }

        private Buffer buffer(dev.littlebrain.tflite.fb.Buffer b, int index) {
            long offset = b.offset();
            if (offset > 1) {
                // Large-model form: the data lives after the flatbuffer, addressed from the file start.
                long size = b.size();
                if (size < 0 || size > bytes.length || offset > bytes.length - size) { // no overflow: both bounded first
                    throw new TfliteFormatException("buffer " + index + " points at bytes " + offset + ".."
                            + (offset + size) + " outside the " + bytes.length + "-byte file");
                }
                byte[] data = new byte[(int) size];
                System.arraycopy(bytes, (int) offset, data, 0, (int) size);
                return Buffer.wrapping(data);
            }
            ByteBuffer data = b.dataAsByteBuffer();
            if (data == null) {
                return Buffer.EMPTY;
            }
            byte[] out = new byte[data.remaining()];
            data.get(out);
            return Buffer.wrapping(out);
        }

        private Subgraph subgraph(dev.littlebrain.tflite.fb.SubGraph g, int index) {
            List<Tensor> tensors = new ArrayList<>();
            for (int i = 0, n = tableCount(g.tensorsLength(), "tensors"); i < n; i++) {
                tensors.add(tensor(g.tensors(i), i));
            }
            List<Operator> operators = new ArrayList<>();
            for (int i = 0, n = tableCount(g.operatorsLength(), "operators"); i < n; i++) {
                operators.add(operator(g.operators(i), i));
            }
            return new Subgraph(g.name(), tensors, ints(g.inputsAsByteBuffer()), ints(g.outputsAsByteBuffer()),
                    operators);
        }

        private Tensor tensor(dev.littlebrain.tflite.fb.Tensor t, int index) {
            if (t.sparsity() != null) {
                throw new TfliteFormatException("tensor " + index + " ('" + t.name()
                        + "') is sparse; sparse tensors are not supported — convert the model without sparsity");
            }
            int typeCode = t.type();
            if (typeCode < 0 || typeCode > TensorType.INT4.code()) {
                throw new TfliteFormatException("tensor " + index + " ('" + t.name() + "') has unknown type code "
                        + typeCode);
            }
            return new Tensor(t.name(), ints(t.shapeAsByteBuffer()), ints(t.shapeSignatureAsByteBuffer()),
                    TensorType.of(typeCode), (int) t.buffer(), quantization(t.quantization()), t.isVariable());
        }

        private Quantization quantization(dev.littlebrain.tflite.fb.QuantizationParameters q) {
            if (q == null) {
                return Quantization.NONE;
            }
            return new Quantization(floats(q.scaleAsByteBuffer()), longs(q.zeroPointAsByteBuffer()),
                    q.quantizedDimension(), floats(q.minAsByteBuffer()), floats(q.maxAsByteBuffer()));
        }

        private Operator operator(dev.littlebrain.tflite.fb.Operator op, int index) {
            byte[] custom = new byte[0];
            ByteBuffer c = op.customOptionsAsByteBuffer();
            if (c != null) {
                custom = new byte[c.remaining()];
                c.get(custom);
            }
            return new Operator((int) op.opcodeIndex(), ints(op.inputsAsByteBuffer()), ints(op.outputsAsByteBuffer()),
                    OptionsCodec.read(op), custom, ints(op.intermediatesAsByteBuffer()));
        }

        private int tableCount(int length, String what) {
            // Each element of a table vector is a 4-byte offset; more than the file can hold is corrupt.
            if (length < 0 || length > bytes.length / 4) {
                throw new TfliteFormatException("file is corrupt: " + what + " claims " + length + " entries");
            }
            return length;
        }
    }

    /** Reads an int vector view; the accessor already bounded it by the file size. */
    static List<Integer> ints(ByteBuffer v) {
        if (v == null) {
            return List.of();
        }
        Integer[] out = new Integer[v.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.getInt(v.position() + 4 * i);
        }
        return List.of(out);
    }

    static List<Float> floats(ByteBuffer v) {
        if (v == null) {
            return List.of();
        }
        Float[] out = new Float[v.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.getFloat(v.position() + 4 * i);
        }
        return List.of(out);
    }

    static List<Long> longs(ByteBuffer v) {
        if (v == null) {
            return List.of();
        }
        Long[] out = new Long[v.remaining() / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.getLong(v.position() + 8 * i);
        }
        return List.of(out);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
