package dev.littlebrain.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.littlebrain.tflite.Buffer;
import dev.littlebrain.tflite.ConformanceCases;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteFormatException;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the whole load path — parse, validate, plan, prepare kernels and one
 * invoke — over every conformance model. Every mutant must either work or fail with the project's
 * own {@link TfliteFormatException}; never another exception, never more than a second, never an
 * out-of-memory error. Mutations favour the flatbuffer's structure over weight bytes, since a flipped
 * weight only yields another valid model.
 */
class ModelFuzzTest {
    private static final int INPUTS = Integer.getInteger("littlebrain.fuzz.inputs", 100_000);
    private static final long SEED = Long.getLong("littlebrain.fuzz.seed", 20261122L);

    @Tag("slow")
    @Test
    void mutatedModelsFailOnlyWithOurException() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        List<boolean[]> weightBytes = new ArrayList<>();
        for (Path dir : ConformanceCases.all()) {
            byte[] bytes = Files.readAllBytes(dir.resolve("model.tflite"));
            seeds.add(bytes);
            weightBytes.add(bufferDataMask(bytes));
        }
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            for (int i = 0; i < INPUTS; i++) {
                int s = random.nextInt(seeds.size());
                byte[] mutant = mutate(seeds.get(s), weightBytes.get(s), random);
                Future<String> result = worker.submit(() -> load(mutant));
                String outcome;
                try {
                    outcome = result.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    Files.write(Path.of("target/fuzz-hang.tflite"), mutant);
                    fail("input " + i + " took over 1 s (saved to target/fuzz-hang.tflite)");
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    Files.write(Path.of("target/fuzz-failure.tflite"), mutant);
                    throw new AssertionError("input " + i + " (mutant of seed " + s + ", saved to"
                            + " target/fuzz-failure.tflite) threw " + e.getCause(), e.getCause());
                }
                outcomes.merge(outcome, 1, Integer::sum);
            }
        } finally {
            worker.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fuzz: %,d mutated models in %.1f s, outcomes %s%n", INPUTS, seconds, outcomes);
        assertTrue(outcomes.values().stream().mapToInt(Integer::intValue).sum() == INPUTS);
    }

    /** Loads and runs one mutant; returns a short outcome label. Any non-project exception propagates. */
    private static String load(byte[] bytes) {
        try {
            Model model = TfliteReader.read(bytes);
            Interpreter interpreter = new Interpreter(model,
                    InterpreterOptions.defaults().withMaxArenaBytes(16 << 20));
            if (interpreter.macs() < 20_000_000) {
                interpreter.invoke();
                return "ran";
            }
            return "loaded";
        } catch (TfliteFormatException e) {
            return "rejected";
        }
    }

    private static byte[] mutate(byte[] seed, boolean[] weights, Random r) {
        byte[] b = seed.clone();
        int kind = r.nextInt(6);
        switch (kind) {
            case 0 -> { // truncation
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            }
            case 1 -> { // bit flips
                int flips = 1 + r.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    int p = structuralPosition(weights, r);
                    b[p] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 2 -> { // interesting bytes
                byte[] values = {0, (byte) 0xFF, 0x7F, (byte) 0x80, 1, 0x10};
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b[structuralPosition(weights, r)] = values[r.nextInt(values.length)];
                }
            }
            case 3 -> { // spliced offset: an aligned int32 replaced by another one from the file
                int to = structuralPosition(weights, r) & ~3;
                int from = r.nextInt(b.length / 4) * 4;
                if (to + 4 <= b.length) {
                    System.arraycopy(seed, from, b, to, 4);
                }
            }
            case 4 -> { // an aligned int32 set to a boundary value
                int to = structuralPosition(weights, r) & ~3;
                int[] values = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, b.length, b.length - 4, 1 << 20};
                if (to + 4 <= b.length) {
                    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(to, values[r.nextInt(values.length)]);
                }
            }
            default -> { // a block copied over another
                int len = 1 + r.nextInt(64);
                int from = r.nextInt(Math.max(1, b.length - len));
                int to = structuralPosition(weights, r);
                System.arraycopy(seed, from, b, to, Math.min(len, b.length - to));
            }
        }
        return b;
    }

    /** A position outside constant-buffer data nine times out of ten. */
    private static int structuralPosition(boolean[] weights, Random r) {
        for (int attempt = 0; attempt < 32; attempt++) {
            int p = r.nextInt(weights.length);
            if (!weights[p] || r.nextInt(10) == 0) {
                return p;
            }
        }
        return r.nextInt(weights.length);
    }

    /** Marks the bytes of the file that hold constant-buffer data. */
    private static boolean[] bufferDataMask(byte[] bytes) {
        boolean[] mask = new boolean[bytes.length];
        var fb = dev.littlebrain.tflite.fb.Model.getRootAsModel(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        for (int i = 0; i < fb.buffersLength(); i++) {
            ByteBuffer data = fb.buffers(i).dataAsByteBuffer();
            if (data != null) {
                for (int p = data.position(); p < data.limit(); p++) {
                    mask[p] = true;
                }
            }
        }
        return mask;
    }

    @Test
    void bufferMaskSanity() throws Exception {
        Path dir = ConformanceCases.all().get(0);
        byte[] bytes = Files.readAllBytes(dir.resolve("model.tflite"));
        boolean[] mask = bufferDataMask(bytes);
        int marked = 0;
        for (boolean m : mask) {
            marked += m ? 1 : 0;
        }
        long total = 0;
        for (Buffer b : TfliteReader.read(bytes).buffers()) {
            total += b.size();
        }
        assertTrue(marked == total, marked + " vs " + total);
    }
}
