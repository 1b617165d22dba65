package dev.littlebrain.tflite.oracle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TfliteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs models in real TensorFlow Lite — LiteRT's current runtime compiled to WebAssembly, driven by
 * {@code tools/tflite-oracle/oracle.mjs} under Node. Present when Node is on the PATH and the tool's
 * {@code npm ci} has been run ({@code .ci/run} does both).
 */
public final class LiteRtOracle {
    private final Path script;

    private LiteRtOracle(Path script) {
        this.script = script;
    }

    /** The oracle, or empty with the reason printed. */
    public static Optional<LiteRtOracle> find() {
        String root = System.getProperty("littlebrain.root", "");
        Path tool = Path.of(root.isEmpty() ? "." : root).toAbsolutePath().resolve("tools/tflite-oracle");
        if (!Files.isDirectory(tool.resolve("node_modules/@litertjs/core"))) {
            System.out.println("LiteRT oracle unavailable: run 'npm ci' in " + tool);
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                System.out.println("LiteRT oracle unavailable: 'node --version' failed");
                return Optional.empty();
            }
        } catch (IOException | InterruptedException e) {
            System.out.println("LiteRT oracle unavailable: node not found on PATH (" + e.getMessage() + ")");
            return Optional.empty();
        }
        return Optional.of(new LiteRtOracle(tool.resolve("oracle.mjs")));
    }

    /**
     * Runs {@code model} (shape signatures dropped) on each example — the raw bytes of all inputs
     * concatenated — and returns the raw bytes of all outputs concatenated.
     */
    public List<byte[]> run(Model model, List<byte[]> examples) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("littlebrain-oracle");
        try {
            Path modelFile = dir.resolve("model.tflite");
            Files.write(modelFile, TfliteWriter.write(OracleModels.withStaticShapes(model)));
            List<String> exampleFiles = new ArrayList<>();
            for (int k = 0; k < examples.size(); k++) {
                Path f = dir.resolve("input_" + k + ".bin");
                Files.write(f, examples.get(k));
                exampleFiles.add(f.toString());
            }
            List<Map<String, Object>> inputs = new ArrayList<>();
            for (int i = 0; i < model.mainSubgraph().inputs().size(); i++) {
                Tensor t = model.mainSubgraph().inputTensor(i);
                Map<String, Object> in = new LinkedHashMap<>();
                in.put("dtype", t.type().dtypeName());
                in.put("shape", t.shape());
                inputs.add(in);
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("model", modelFile.toString());
            request.put("inputs", inputs);
            request.put("examples", exampleFiles);
            request.put("outDir", dir.resolve("out").toString());
            Path requestFile = dir.resolve("request.json");
            new ObjectMapper().writeValue(requestFile.toFile(), request);

            Process p = new ProcessBuilder("node", script.toString(), requestFile.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("oracle timed out");
            }
            if (p.exitValue() != 0) {
                throw new IOException("oracle failed (exit " + p.exitValue() + "):\n" + log);
            }
            List<byte[]> outputs = new ArrayList<>();
            for (int k = 0; k < examples.size(); k++) {
                outputs.add(Files.readAllBytes(dir.resolve("out/output_" + k + ".bin")));
            }
            return outputs;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
