package dev.littlebrain.tflite;

import java.util.List;
import java.util.Optional;

/**
 * An in-memory TFLite model (schema v3). Immutable; {@link TfliteReader} builds one from bytes and
 * {@link TfliteWriter} turns one back into bytes.
 */
public record Model(
        int version,
        List<OperatorCode> operatorCodes,
        List<Subgraph> subgraphs,
        String description,
        List<Buffer> buffers,
        List<Metadata> metadata,
        List<SignatureDef> signatureDefs) {

    public static final int SCHEMA_VERSION = 3;

    public Model {
        operatorCodes = List.copyOf(operatorCodes);
        subgraphs = List.copyOf(subgraphs);
        description = description == null ? "" : description;
        buffers = List.copyOf(buffers);
        metadata = List.copyOf(metadata);
        signatureDefs = List.copyOf(signatureDefs);
    }

    public Subgraph mainSubgraph() {
        return subgraphs.get(0);
    }

    public OperatorCode operatorCode(Operator op) {
        return operatorCodes.get(op.opcodeIndex());
    }

    /** The buffer holding a tensor's constant data (the empty sentinel for computed tensors). */
    public Buffer bufferOf(Tensor tensor) {
        return buffers.get(tensor.buffer());
    }

    /** Whether a tensor holds constant data stored in the model. */
    public boolean isConstant(Tensor tensor) {
        return tensor.buffer() > 0 && tensor.buffer() < buffers.size() && !buffers.get(tensor.buffer()).isEmpty();
    }

    public Optional<Buffer> metadataBuffer(String name) {
        for (Metadata m : metadata) {
            if (m.name().equals(name) && m.buffer() >= 0 && m.buffer() < buffers.size()) {
                return Optional.of(buffers.get(m.buffer()));
            }
        }
        return Optional.empty();
    }
}
