package dev.littlebrain.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A training checkpoint file: {@code "LBCK"}, format version, SHA-256 of (spec, config, data) identifying the run,
 * payload length, payload, SHA-256 of the payload. The payload holds the finished epoch, the parameters, Adam's
 * step count and moments, the best parameters with their loss and epoch, and the history. Written atomically.
 */
public final class Checkpoint {
    static final int MAGIC = 0x4C42434B; // "LBCK"
    static final int VERSION = 1;

    private Checkpoint() {
    }

    /** Everything needed to continue training after {@code epoch}. */
    public record State(int epoch, TrainedParameters parameters, long adamStep, Map<String, float[]> adamM,
            Map<String, float[]> adamV, TrainedParameters best, float bestLoss, int bestEpoch,
            List<EpochStats> history) {
        public State {
            history = List.copyOf(history);
        }
    }

    /** The checkpoint is corrupt, of another format version, or from another run. */
    public static final class InvalidCheckpointException extends IOException {
        InvalidCheckpointException(String message) {
            super(message);
        }
    }

    /** SHA-256 over the model spec, the training config and the training and validation data. */
    public static byte[] runHash(ModelSpec spec, TrainingConfig config, LabeledFeatures train,
            LabeledFeatures validation) {
        MessageDigest md = sha256();
        md.update(spec.layers().toString().getBytes(StandardCharsets.UTF_8));
        md.update((config.learningRate() + "|" + config.batchSize() + "|" + config.epochs() + "|" + config.patience()
                + "|" + config.seed() + "|" + Arrays.toString(config.classWeights()) + "|" + config.schedule()
                + (config.specAugment() == null ? "" : "|" + config.specAugment())
                // The default adds nothing, so checkpoints written before learn.keep existed still resume.
                + (config.keep() == KeptWeights.VAL_LOSS ? "" : "|keep " + config.keep().id())
                + (config.labelSmoothing() == 0 ? "" : "|smoothing " + config.labelSmoothing()))
                .getBytes(StandardCharsets.UTF_8));
        for (LabeledFeatures d : new LabeledFeatures[] {train, validation}) {
            if (d == null) {
                md.update((byte) 0);
                continue;
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
            b.putInt(d.size()).putInt(d.size() == 0 ? 0 : d.features()[0].length);
            md.update(b.array());
            for (int i = 0; i < d.size(); i++) {
                java.nio.ByteBuffer row = java.nio.ByteBuffer.allocate(4 + 4 * d.features()[i].length);
                row.putInt(d.labels()[i]);
                row.asFloatBuffer().put(d.features()[i]);
                md.update(row.array());
            }
        }
        return md.digest();
    }

    public static void write(Path file, byte[] runHash, State s) throws IOException {
        ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(payloadBytes)) {
            o.writeInt(s.epoch());
            writeParams(o, s.parameters());
            o.writeLong(s.adamStep());
            writeMap(o, s.adamM());
            writeMap(o, s.adamV());
            writeParams(o, s.best());
            o.writeFloat(s.bestLoss());
            o.writeInt(s.bestEpoch());
            o.writeInt(s.history().size());
            for (EpochStats e : s.history()) {
                o.writeInt(e.epoch());
                o.writeInt(e.epochs());
                o.writeFloat(e.loss());
                o.writeFloat(e.accuracy());
                o.writeFloat(e.valLoss());
                o.writeFloat(e.valAccuracy());
                o.writeLong(e.epochTime().toNanos());
                o.writeLong(e.eta().toNanos());
            }
        }
        byte[] payload = payloadBytes.toByteArray();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(all)) {
            o.writeInt(MAGIC);
            o.writeInt(VERSION);
            o.write(runHash);
            o.writeInt(payload.length);
            o.write(payload);
            o.write(sha256().digest(payload));
        }
        dev.littlebrain.files.AtomicFiles.write(file, all.toByteArray());
    }

    /** Reads a checkpoint of the run {@code runHash}; throws {@link InvalidCheckpointException} if it is not one. */
    public static State read(Path file, byte[] runHash) throws IOException {
        return parse(payload(file, Optional.of(runHash)));
    }

    /**
     * The finished epochs a checkpoint holds, whichever run wrote it (its integrity is checked, its run is not): what
     * a page draws of a stopped training before anything resumes it.
     */
    public static List<EpochStats> history(Path file) throws IOException {
        return parse(payload(file, Optional.empty())).history();
    }

    /** The checked payload of {@code file}; of the run {@code runHash} where one is given. */
    private static byte[] payload(Path file, Optional<byte[]> runHash) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new InvalidCheckpointException("not a LittleBrain checkpoint (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new InvalidCheckpointException("checkpoint format version " + version + ", expected " + VERSION);
            }
            byte[] hash = in.readNBytes(32);
            int length = in.readInt();
            if (length < 0 || length > bytes.length) {
                throw new InvalidCheckpointException("corrupt checkpoint (bad payload length)");
            }
            byte[] payload = in.readNBytes(length);
            byte[] digest = in.readNBytes(32);
            if (payload.length != length || digest.length != 32 || in.available() != 0) {
                throw new InvalidCheckpointException("corrupt checkpoint (truncated or trailing bytes)");
            }
            if (!MessageDigest.isEqual(digest, sha256().digest(payload))) {
                throw new InvalidCheckpointException("corrupt checkpoint (SHA-256 mismatch)");
            }
            if (runHash.isPresent() && !MessageDigest.isEqual(hash, runHash.get())) {
                throw new InvalidCheckpointException("checkpoint is from a different model, config or data set");
            }
            return payload;
        } catch (EOFException e) {
            throw new InvalidCheckpointException("corrupt checkpoint (truncated)");
        }
    }

    private static State parse(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int epoch = in.readInt();
            TrainedParameters params = readParams(in);
            long step = in.readLong();
            Map<String, float[]> m = readMap(in);
            Map<String, float[]> v = readMap(in);
            TrainedParameters best = readParams(in);
            float bestLoss = in.readFloat();
            int bestEpoch = in.readInt();
            int n = in.readInt();
            List<EpochStats> history = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                history.add(new EpochStats(in.readInt(), in.readInt(), in.readFloat(), in.readFloat(), in.readFloat(),
                        in.readFloat(), Duration.ofNanos(in.readLong()), Duration.ofNanos(in.readLong())));
            }
            return new State(epoch, params, step, m, v, best, bestLoss, bestEpoch, history);
        } catch (RuntimeException e) {
            throw new InvalidCheckpointException("corrupt checkpoint payload: " + e.getMessage());
        }
    }

    private static void writeParams(DataOutputStream o, TrainedParameters p) throws IOException {
        o.writeInt(p.values().size());
        for (Map.Entry<String, TrainedParameters.Weights> e : p.values().entrySet()) {
            o.writeUTF(e.getKey());
            int[] shape = e.getValue().shape();
            o.writeInt(shape.length);
            for (int d : shape) {
                o.writeInt(d);
            }
            writeFloats(o, e.getValue().values());
        }
    }

    private static TrainedParameters readParams(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, TrainedParameters.Weights> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            int[] shape = new int[in.readInt()];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = in.readInt();
            }
            out.put(key, new TrainedParameters.Weights(shape, readFloats(in)));
        }
        return new TrainedParameters(out);
    }

    private static void writeMap(DataOutputStream o, Map<String, float[]> map) throws IOException {
        o.writeInt(map.size());
        for (Map.Entry<String, float[]> e : map.entrySet()) {
            o.writeUTF(e.getKey());
            writeFloats(o, e.getValue());
        }
    }

    private static Map<String, float[]> readMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(in.readUTF(), readFloats(in));
        }
        return out;
    }

    private static void writeFloats(DataOutputStream o, float[] v) throws IOException {
        o.writeInt(v.length);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.length);
        b.asFloatBuffer().put(v);
        o.write(b.array());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] raw = in.readNBytes(4 * n);
        if (raw.length != 4 * n) {
            throw new EOFException();
        }
        float[] v = new float[n];
        java.nio.ByteBuffer.wrap(raw).asFloatBuffer().get(v);
        return v;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
