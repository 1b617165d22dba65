package dev.littlebrain.impulse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.littlebrain.data.augment.SpecAugment;
import dev.littlebrain.deploy.profile.Board;
import dev.littlebrain.deploy.profile.Boards;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.train.KeptWeights;
import dev.littlebrain.train.LearningRateSchedule;
import dev.littlebrain.train.Preset;
import dev.littlebrain.train.Presets;
import dev.littlebrain.train.TrainingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An impulse: the one human-editable {@code impulse.yaml} of a project, declaring the input, the DSP block
 * (Edge Impulse parameter names), the learn block, the labels (empty: taken from the data), the target board
 * and the user's own boards (optional {@code boards:} list, usable as the target and by {@code profile}), and how
 * the impulse runs on a stream (optional {@code continuous:}, read alike by {@code test --stream}, {@code listen},
 * {@code deploy} and {@code profile}, so what is measured is what is deployed).
 */
public record ImpulseConfig(Input input, Dsp dsp, Learn learn, Continuous continuous, List<String> labels,
        String target, List<Board> boards) {
    public static final String FILE_NAME = ProjectLayout.CONFIG;
    public static final List<String> TEMPLATES = List.of("kws", "kws-small", "motion", "glove");
    public static final List<String> INPUT_TYPES = Modality.NAMES;

    public ImpulseConfig {
        labels = List.copyOf(labels);
        boards = List.copyOf(boards);
    }

    /** The built-in boards followed by the user's own. */
    public List<Board> allBoards() {
        List<Board> all = new ArrayList<>(Boards.builtIn());
        all.addAll(boards);
        return all;
    }

    /** The board {@code target} names. */
    public Board targetBoard() {
        return findBoard(target).orElseThrow();
    }

    public Optional<Board> findBoard(String id) {
        return allBoards().stream().filter(b -> b.id().equalsIgnoreCase(id)).findFirst();
    }

    /** What the sensor gives: type, sampling frequency (Hz), window length and axis names. */
    public record Input(String type, double frequencyHz, int windowMs, List<String> axes) {
        public Input {
            axes = List.copyOf(axes);
        }

        public SignalSpec signal() {
            return new SignalSpec(frequencyHz, axes);
        }

        /** What {@code type} names; a parsed impulse file names one of {@link Modality#NAMES}. */
        public Modality modality() {
            return Modality.named(type).orElseThrow(() -> new ImpulseConfigException("input.type: '" + type
                    + "' is not one of " + Modality.NAMES));
        }

        /** Samples per axis in one window: window_ms at frequency_hz ({@link SignalSpec#windowSamples}). */
        public int windowSamples() {
            return SignalSpec.windowSamples(frequencyHz, windowMs);
        }
    }

    /** The DSP block and its parameters, by Edge Impulse name. */
    public record Dsp(String block, Map<String, String> parameters) {
        public Dsp {
            parameters = Map.copyOf(parameters);
        }
    }

    /**
     * The learn block: a {@link Preset} name and its training settings, SpecAugment masks (null for none), and the
     * further members of an ensemble ({@code learn.ensemble}: empty for a single model), whose weights are kept and
     * how much the training targets are smoothed ({@code learn.label_smoothing}, 0 for none).
     */
    public record Learn(String preset, int epochs, double learningRate, int batchSize, long seed, int patience,
            String classWeights, LearningRateSchedule schedule, SpecAugment specAugment, List<Member> ensemble,
            KeptWeights keep, double labelSmoothing) {
        /** {@code learn.class_weights}: none, or balanced (each class weighted by 1 / its share of the training data). */
        public static final List<String> CLASS_WEIGHTS = List.of("none", "balanced");

        public Learn {
            ensemble = List.copyOf(ensemble);
        }

        /** Every model trained: the learn block itself, then the ensemble's further members. */
        public List<Member> members() {
            List<Member> all = new ArrayList<>();
            all.add(new Member(preset, seed, specAugment));
            all.addAll(ensemble);
            return all;
        }
    }

    /**
     * One model of an ensemble: the learn block with its own preset, seed and SpecAugment masks (null for none);
     * the model {@code train} writes averages the members' scores.
     */
    public record Member(String preset, long seed, SpecAugment specAugment) {
    }

    /**
     * Continuous classification: model runs per window, runs averaged before a decision, the averaged score that
     * fires a keyword, keywords that fire at their own score instead ({@code thresholds:}, e.g. {@code {no: 0.6}};
     * which are keywords is checked against the trained labels where the model runs) and the quiet time after a
     * detection.
     */
    public record Continuous(int slices, int average, double threshold, long suppressionMs,
            Map<String, Double> thresholds) {
        /** Edge Impulse's and TFLM's usual: 4 slices, average of 3, 0.8, 1 s (see {@link ContinuousConfig}). */
        public static final Continuous DEFAULTS = new Continuous(ContinuousConfig.DEFAULT_SLICES,
                ContinuousConfig.DEFAULT_AVERAGED_WINDOWS, ContinuousConfig.DEFAULT_THRESHOLD,
                ContinuousConfig.DEFAULT_SUPPRESSION_MS);

        /** One threshold for every keyword. */
        public Continuous(int slices, int average, double threshold, long suppressionMs) {
            this(slices, average, threshold, suppressionMs, Map.of());
        }

        public Continuous {
            if (slices < 1 || average < 1 || !(threshold > 0 && threshold <= 1) || suppressionMs < 0) {
                throw new ImpulseConfigException("continuous: slices and average must be >= 1, threshold in (0, 1],"
                        + " suppression_ms >= 0");
            }
            thresholds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        }

        /** The keywords' own thresholds as the runtime takes them. */
        public Map<String, Float> keywordThresholds() {
            Map<String, Float> out = new LinkedHashMap<>();
            thresholds.forEach((k, v) -> out.put(k, v.floatValue()));
            return out;
        }
    }

    /** The file text of a template, with comments. */
    public static String template(String name) {
        return switch (name) {
            case "kws" -> text("keyword spotting (audio)", "audio", 16000, 1000, List.of("audio"), "mfcc",
                    "conv1d-kws-m", 100, 0.005, "constant", 32, "nano33ble").replace("labels:", KWS_ENSEMBLE + "labels:")
                    + KWS_CONTINUOUS;
            case "kws-small" -> text("keyword spotting from a few clips of your own voice (audio)", "audio", 16000, 1000,
                    List.of("audio"), "mfcc", SMALL_PRESET, SMALL_EPOCHS, 0.005, "constant", 32, "nano33ble")
                    .replace("patience: 0 ", "patience: 25").replace("labels:", SMALL_LEARN + "labels:") + KWS_CONTINUOUS;
            case "motion" -> text("motion / gesture recognition (3-axis accelerometer)", "accelerometer", 62.5, 2000,
                    List.of("accX", "accY", "accZ"), "spectral-analysis", "dense-motion", 30, 0.0005, "constant", 32,
                    "nano33ble") + MOTION_CONTINUOUS;
            case "glove" -> text("glove / trajectory gestures (x, y)", "trajectory", 50, 2000, List.of("x", "y"),
                    "trajectory", "dense-motion", 40, 0.002, "constant", 32, "nano33ble");
            default -> throw new IllegalArgumentException("unknown template '" + name + "'; known templates are "
                    + TEMPLATES);
        };
    }

    /**
     * The keyword spotter is two members, the second trained with SpecAugment: their mean makes fewer confident false
     * accepts than either (see README, Streaming) at twice the inference time (93 % of the Nano 33 BLE's 250 ms slice
     * with the DSP). Delete the ensemble lines for one model.
     */
    private static final String KWS_ENSEMBLE = "  spec_augment: none  # or masks on the training features, as below\n"
            + "  ensemble:           # further members (own preset, seed or spec_augment); the model averages their scores\n"
            + "    - spec_augment: {time_masks: 2, time_mask_frames: 5, frequency_masks: 1, frequency_mask_bins: 2}\n";

    /**
     * The spotter for a personal wake word ({@code data record} plus {@code data import --bundled}): a few dozen
     * clips of few voices: one conv1d-kws-m with SpecAugment, stopped at the best validation loss, trained on clips
     * imported with {@code --training-copies 10 --speed-percent 10} (many noisy, shifted, re-pitched renderings of each
     * take stand in for the voices that are missing). With 50 clips of 10 speakers of speech-commands-real it beat Edge
     * Impulse's default recipe on the test speakers, 0.83 against 0.60 int8 (README, "Your own wake word").
     */
    private static final String SMALL_PRESET = "conv1d-kws-m";
    private static final int SMALL_EPOCHS = 100;
    private static final String SMALL_LEARN = "  spec_augment: {time_masks: 2, time_mask_frames: 5, frequency_masks: 1, frequency_mask_bins: 2}\n";

    /**
     * The keyword spotter's stream settings, chosen on validation-speaker streams (see README, Streaming): the
     * threshold is what {@code test --stream} suggests for the template's model on 1,440 s of them (two draws agree).
     */
    private static final String KWS_CONTINUOUS = "continuous:          # how test --stream, listen, deploy and profile run it\n"
            + "  slices: 4           # model runs per window\n"
            + "  average: 3          # runs averaged before a decision\n"
            + "  threshold: 0.85     # averaged score that fires a keyword\n"
            + "  suppression_ms: 1000\n";

    /**
     * The motion impulse on a stream: its 2 s window (125 samples at 62.5 Hz) in 5 slices of 400 ms, a new
     * classification every 400 ms (4, the keyword spotter's count, does not divide 125 samples).
     */
    private static final String MOTION_CONTINUOUS = "continuous:          # how classify, deploy and profile run it on a stream\n"
            + "  slices: 5           # model runs per window: one every 400 ms\n";

    private static String text(String what, String type, double hz, int windowMs, List<String> axes, String block,
            String preset, int epochs, double lr, String schedule, int batch, String target) {
        String frequency = hz == Math.rint(hz) ? String.valueOf((long) hz) : String.valueOf(hz);
        return "# LittleBrain impulse: " + what + ".\n"
                + "# Edit freely; 'littlebrain features', 'train' and 'test' read this file.\n"
                + "input:\n"
                + "  type: " + type + "            # one of " + INPUT_TYPES + "\n"
                + "  frequency_hz: " + frequency + "\n"
                + "  window_ms: " + windowMs + "\n"
                + "  axes: [" + String.join(", ", axes) + "]\n"
                + "dsp:\n"
                + "  block: " + block + "        # one of " + DspBlocks.NAMES + "\n"
                + "  parameters: {}      # Edge Impulse names, e.g. num_cepstral: 13; absent ones take the defaults\n"
                + "learn:\n"
                + "  preset: " + preset + "      # one of " + Presets.NAMES + "\n"
                + "  epochs: " + epochs + "\n"
                + "  learning_rate: " + lr + "\n"
                + "  learning_rate_schedule: " + schedule + "   # constant, or cosine: decays to 0 by the last epoch\n"
                + "  batch_size: " + batch + "\n"
                + "  seed: 1\n"
                + "  patience: 0         # epochs without val_loss improvement before stopping; 0: never stop early\n"
                + "  keep: val_loss      # whose weights: val_loss (the lowest), val_accuracy (the highest) or last\n"
                + "  class_weights: none # or balanced: weight each class by 1 / its share of the training data\n"
                + "  label_smoothing: 0  # e.g. 0.1: train towards 0.925 / 0.025 (4 labels), not 1 / 0\n"
                + "labels: []            # empty: the labels of the data, in its order\n"
                + "target: " + target + "\n";
    }

    /** Writes the template {@code name} to {@code dir/impulse.yaml} atomically; refuses to overwrite. */
    public static Path writeTemplate(String name, Path dir) throws IOException {
        String yaml = template(name);
        parse(yaml); // the template must itself be valid
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " already exists");
        }
        AtomicFiles.write(file, yaml.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    public static ImpulseConfig read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ImpulseConfigException e) {
            throw new ImpulseConfigException(file + ": " + e.getMessage());
        }
    }

    /**
     * {@code yaml} with {@code continuous.threshold} set to {@code threshold}, everything else (comments included)
     * unchanged: the value on the section's {@code threshold:} line is replaced, or the key (or the whole section)
     * added. The result is validated.
     */
    public static String withThreshold(String yaml, double threshold) {
        String value = String.format(Locale.ROOT, "%.2f", threshold);
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        int section = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("continuous:")) {
                section = i;
            }
        }
        if (section < 0) {
            lines.add("continuous:");
            lines.add("  threshold: " + value);
        } else {
            int end = section + 1;
            boolean replaced = false;
            for (; end < lines.size() && (lines.get(end).startsWith(" ") || lines.get(end).isBlank()); end++) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\s+threshold:\\s*)([^#\\s]+)(.*)$")
                        .matcher(lines.get(end));
                if (m.matches()) {
                    lines.set(end, m.group(1) + value + m.group(3));
                    replaced = true;
                }
            }
            if (!replaced) {
                lines.add(section + 1, "  threshold: " + value);
            }
        }
        String out = String.join("\n", lines) + "\n";
        parse(out);
        return out;
    }

    /**
     * {@code yaml} with {@code continuous.thresholds} set to {@code thresholds} on one line ({@code thresholds: {no:
     * 0.55, yes: 0.80}}), or removed when {@code thresholds} is empty; a block-style mapping there is replaced whole,
     * everything else (comments included) unchanged. The section must exist (write the threshold first). The result
     * is validated.
     */
    public static String withKeywordThresholds(String yaml, Map<String, Float> thresholds) {
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        int section = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("continuous:")) {
                section = i;
            }
        }
        if (section < 0) {
            throw new IllegalArgumentException("impulse.yaml has no continuous: section");
        }
        List<String> entries = new ArrayList<>();
        thresholds.forEach((k, v) -> entries.add(k + ": " + String.format(Locale.ROOT, "%.2f", v)));
        String line = "  thresholds: {" + String.join(", ", entries) + "}  # a keyword's own threshold (test --stream --apply)";
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("^(\\s+)thresholds:.*$");
        int at = -1;
        int end = section + 1;
        for (; end < lines.size() && (lines.get(end).startsWith(" ") || lines.get(end).isBlank()); end++) {
            if (at < 0 && key.matcher(lines.get(end)).matches()) {
                at = end;
            }
        }
        if (at >= 0) {
            int indent = key.matcher(lines.get(at)).replaceFirst("$1").length();
            int last = at + 1;
            while (last < end && (lines.get(last).isBlank() || indentOf(lines.get(last)) > indent)) {
                last++;
            }
            lines.subList(at, last).clear();
        } else {
            // Under the section's threshold: line, where a reader looks for it; else first in the section.
            at = section + 1;
            for (int i = section + 1; i < end; i++) {
                if (lines.get(i).strip().startsWith("threshold:")) {
                    at = i + 1;
                }
            }
        }
        if (!thresholds.isEmpty()) {
            lines.add(at, line);
        }
        String out = String.join("\n", lines) + "\n";
        parse(out);
        return out;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Where the YAML broke and how, in the parser's words without its class names: "line 7, column 3: ...". */
    static String yamlProblem(com.fasterxml.jackson.core.JsonProcessingException e) {
        String problem = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("Duplicate field '([^']*)'").matcher(problem);
        if (duplicate.find()) {
            problem = "key '" + duplicate.group(1) + "' appears twice in the same section";
        }
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr()
                + ": ";
        return "not valid YAML: " + where + problem.strip();
    }

    /** Parses and validates impulse YAML; errors name the key and the allowed values. */
    public static ImpulseConfig parse(String yaml) {
        JsonNode root;
        try {
            // A key given twice is an error, not a silent "the last one wins".
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory()
                    .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
            root = mapper.readTree(yaml);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ImpulseConfigException(yamlProblem(e));
        } catch (IOException e) {
            throw new ImpulseConfigException("not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new ImpulseConfigException("expected a mapping with keys input, dsp, learn, labels, target");
        }
        keys(root, "", Set.of("input", "dsp", "learn", "continuous", "labels", "target", "boards"));
        JsonNode in = object(root, "input");
        keys(in, "input.", Set.of("type", "frequency_hz", "window_ms", "axes"));
        String type = string(in, "input.", "type");
        if (Modality.named(type).isEmpty()) {
            throw new ImpulseConfigException("input.type: '" + type + "' is not one of " + INPUT_TYPES);
        }
        double hz = positiveNumber(in, "input.", "frequency_hz");
        int windowMs = positiveInt(in, "input.", "window_ms");
        List<String> axes = strings(in, "input.", "axes");
        if (axes.isEmpty()) {
            throw new ImpulseConfigException("input.axes: needs at least one axis name");
        }
        JsonNode d = object(root, "dsp");
        keys(d, "dsp.", Set.of("block", "parameters"));
        String block = string(d, "dsp.", "block").toLowerCase(Locale.ROOT).replace('_', '-');
        if (DspBlocks.type(block).isEmpty()) {
            throw new ImpulseConfigException("dsp.block: '" + block + "' is not one of " + DspBlocks.NAMES);
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = d.get("parameters");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new ImpulseConfigException("dsp.parameters: expected a mapping of Edge Impulse parameter names");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    throw new ImpulseConfigException("dsp.parameters." + e.getKey() + ": expected a single value");
                }
                params.put(e.getKey(), e.getValue().asText());
            }
        }
        Input input = new Input(type, hz, windowMs, axes);
        try {
            DspBlocks.create(block, input.signal(), params);
        } catch (RuntimeException e) {
            throw new ImpulseConfigException("dsp.parameters: " + e.getMessage());
        }
        JsonNode l = object(root, "learn");
        keys(l, "learn.", Set.of("preset", "epochs", "learning_rate", "learning_rate_schedule", "batch_size", "seed",
                "patience", "keep", "class_weights", "label_smoothing", "spec_augment", "ensemble"));
        String preset = string(l, "learn.", "preset");
        if (Presets.type(preset).isEmpty()) {
            throw new ImpulseConfigException("learn.preset: '" + preset + "' is not one of " + Presets.NAMES);
        }
        int epochs = positiveInt(l, "learn.", "epochs");
        double lr = positiveNumber(l, "learn.", "learning_rate");
        int batch = positiveInt(l, "learn.", "batch_size");
        long seed = l.has("seed") ? integer(l, "learn.", "seed") : 1L;
        int patience = l.has("patience") ? (int) integer(l, "learn.", "patience") : 0;
        String keepName = l.has("keep") ? string(l, "learn.", "keep") : KeptWeights.VAL_LOSS.id();
        KeptWeights keep = KeptWeights.named(keepName).orElseThrow(() -> new ImpulseConfigException(
                "learn.keep: '" + keepName + "' is not one of " + KeptWeights.NAMES));
        String classWeights = l.has("class_weights") ? string(l, "learn.", "class_weights") : "none";
        double labelSmoothing = l.has("label_smoothing") ? labelSmoothing(l.get("label_smoothing")) : 0;
        String scheduleName = l.has("learning_rate_schedule") ? string(l, "learn.", "learning_rate_schedule")
                : "constant";
        if (!LearningRateSchedule.NAMES.contains(scheduleName)) {
            throw new ImpulseConfigException("learn.learning_rate_schedule: '" + scheduleName + "' is not one of "
                    + LearningRateSchedule.NAMES);
        }
        if (!Learn.CLASS_WEIGHTS.contains(classWeights)) {
            throw new ImpulseConfigException("learn.class_weights: '" + classWeights + "' is not one of "
                    + Learn.CLASS_WEIGHTS);
        }
        if (patience < 0) {
            throw new ImpulseConfigException("learn.patience: must be 0 (no early stopping) or positive, got " + patience);
        }
        List<String> labels = root.has("labels") && !root.get("labels").isNull() ? strings(root, "", "labels")
                : List.of();
        if (labels.stream().distinct().count() != labels.size()) {
            throw new ImpulseConfigException("labels: duplicate label in " + labels);
        }
        Continuous continuous = continuous(root.get("continuous"), windowMs * hz / 1000);
        String target = root.has("target") ? string(root, "", "target") : "nano33ble";
        List<Board> boards = boards(root.get("boards"));
        SpecAugment masks = specAugment(l.get("spec_augment"), "learn.spec_augment");
        List<Member> ensemble = ensemble(l.get("ensemble"), preset, seed, masks);
        ImpulseConfig config = new ImpulseConfig(input, new Dsp(block, params),
                new Learn(preset, epochs, lr, batch, seed, patience, classWeights,
                        LearningRateSchedule.named(scheduleName), masks, ensemble, keep, labelSmoothing), continuous,
                labels, target, boards);
        if ((masks != null || ensemble.stream().anyMatch(m -> m.specAugment() != null))
                && !input.modality().isAudio()) {
            throw new ImpulseConfigException("learn.spec_augment: masks frames and coefficients of audio features;"
                    + " input.type is " + input.type());
        }
        if (config.findBoard(target).isEmpty()) {
            throw new ImpulseConfigException("target: '" + target + "' is not a known board; known boards are "
                    + config.allBoards().stream().map(Board::id).toList() + " (add your own under boards:)");
        }
        return config;
    }

    /**
     * An optional SpecAugment mapping ({@code time_masks}, {@code time_mask_frames}, {@code frequency_masks},
     * {@code frequency_mask_bins}; absent keys 0), or {@code none}: null.
     */
    private static SpecAugment specAugment(JsonNode n, String key) {
        if (n == null || n.isNull() || (n.isTextual() && n.asText().trim().equals("none"))) {
            return null;
        }
        if (!n.isObject()) {
            throw new ImpulseConfigException(key + ": expected none or a mapping of time_masks, time_mask_frames,"
                    + " frequency_masks, frequency_mask_bins");
        }
        keys(n, key + ".", Set.of("time_masks", "time_mask_frames", "frequency_masks", "frequency_mask_bins"));
        int[] v = new int[4];
        String[] names = {"time_masks", "time_mask_frames", "frequency_masks", "frequency_mask_bins"};
        for (int i = 0; i < 4; i++) {
            long x = n.has(names[i]) ? integer(n, key + ".", names[i]) : 0;
            if (x < 0 || x > 1000) {
                throw new ImpulseConfigException(key + "." + names[i] + ": must be in 0..1000, got " + x);
            }
            v[i] = (int) x;
        }
        return new SpecAugment(v[0], v[1], v[2], v[3], 0f);
    }

    /** The optional {@code learn.ensemble} list: each member the learn block with its own preset, seed, masks. */
    private static List<Member> ensemble(JsonNode list, String preset, long seed, SpecAugment masks) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ImpulseConfigException("learn.ensemble: expected a list of members, e.g. - {seed: 2}");
        }
        List<Member> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String prefix = "learn.ensemble[" + i + "].";
            if (!m.isObject()) {
                throw new ImpulseConfigException("learn.ensemble[" + i + "]: expected a mapping of preset, seed,"
                        + " spec_augment (absent keys: the learn block's)");
            }
            keys(m, prefix, Set.of("preset", "seed", "spec_augment"));
            String p = m.has("preset") ? string(m, prefix, "preset") : preset;
            if (Presets.type(p).isEmpty()) {
                throw new ImpulseConfigException(prefix + "preset: '" + p + "' is not one of " + Presets.NAMES);
            }
            long s = m.has("seed") ? integer(m, prefix, "seed") : seed;
            SpecAugment a = m.has("spec_augment") ? specAugment(m.get("spec_augment"), prefix + "spec_augment") : masks;
            out.add(new Member(p, s, a));
        }
        return out;
    }

    /** The optional {@code continuous:} mapping; absent keys take {@link Continuous#DEFAULTS}. */
    private static Continuous continuous(JsonNode c, double windowSamples) {
        if (c == null || c.isNull()) {
            return Continuous.DEFAULTS;
        }
        if (!c.isObject()) {
            throw new ImpulseConfigException("continuous: expected a mapping of slices, average, threshold, suppression_ms");
        }
        keys(c, "continuous.", Set.of("slices", "average", "threshold", "thresholds", "suppression_ms"));
        Continuous d = Continuous.DEFAULTS;
        int slices = c.has("slices") ? positiveInt(c, "continuous.", "slices") : d.slices();
        int average = c.has("average") ? positiveInt(c, "continuous.", "average") : d.average();
        double threshold = c.has("threshold") ? positiveNumber(c, "continuous.", "threshold") : d.threshold();
        long suppression = c.has("suppression_ms") ? integer(c, "continuous.", "suppression_ms") : d.suppressionMs();
        if (threshold > 1) {
            throw new ImpulseConfigException("continuous.threshold: must be in (0, 1], got " + threshold);
        }
        if (suppression < 0) {
            throw new ImpulseConfigException("continuous.suppression_ms: must be >= 0, got " + suppression);
        }
        if (windowSamples != Math.rint(windowSamples) || ((long) windowSamples) % slices != 0) {
            throw new ImpulseConfigException("continuous.slices: " + slices + " must divide the window ("
                    + (long) windowSamples + " samples)");
        }
        return new Continuous(slices, average, threshold, suppression, keywordThresholds(c.get("thresholds")));
    }

    /** The optional {@code continuous.thresholds:} mapping of keyword to its own threshold in (0, 1]. */
    private static Map<String, Double> keywordThresholds(JsonNode t) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (t == null || t.isNull()) {
            return out;
        }
        if (!t.isObject()) {
            throw new ImpulseConfigException("continuous.thresholds: expected a mapping of keyword to threshold,"
                    + " e.g. {no: 0.6}");
        }
        for (Iterator<String> names = t.fieldNames(); names.hasNext();) {
            String keyword = names.next();
            double value = positiveNumber(t, "continuous.thresholds.", keyword);
            if (value > 1) {
                throw new ImpulseConfigException("continuous.thresholds." + keyword + ": must be in (0, 1], got "
                        + value);
            }
            out.put(keyword, value);
        }
        return out;
    }

    /** The optional {@code boards:} list: id, name, core, clock_mhz, ram_kb, flash_kb, cycles_per_instruction. */
    private static List<Board> boards(JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ImpulseConfigException("boards: expected a list of boards (id, name, core, clock_mhz, ram_kb,"
                    + " flash_kb)");
        }
        List<Board> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (Board b : Boards.builtIn()) {
            ids.add(b.id().toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode b = list.get(i);
            String prefix = "boards[" + i + "].";
            if (!b.isObject()) {
                throw new ImpulseConfigException("boards[" + i + "]: expected a mapping");
            }
            keys(b, prefix, Set.of("id", "name", "core", "clock_mhz", "ram_kb", "flash_kb", "cycles_per_instruction"));
            String id = string(b, prefix, "id");
            if (!ids.add(id.toLowerCase(Locale.ROOT))) {
                throw new ImpulseConfigException(prefix + "id: '" + id + "' is already a board");
            }
            String core = string(b, prefix, "core");
            double cpi;
            if (b.has("cycles_per_instruction")) {
                cpi = positiveNumber(b, prefix, "cycles_per_instruction");
            } else {
                cpi = Boards.cyclesPerInstruction(core).orElseThrow(() -> new ImpulseConfigException(prefix
                        + "cycles_per_instruction: needed for core '" + core + "' (LittleBrain knows "
                        + Boards.builtIn().stream().map(Board::core).distinct().toList() + ")"));
            }
            String name = b.has("name") ? string(b, prefix, "name") : id;
            out.add(new Board(id, name, core, positiveInt(b, prefix, "clock_mhz"), positiveInt(b, prefix, "ram_kb"),
                    positiveInt(b, prefix, "flash_kb"), cpi));
        }
        return out;
    }

    private static void keys(JsonNode node, String prefix, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new ImpulseConfigException(prefix + k + ": unknown key; allowed keys are "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    private static JsonNode object(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        if (n == null || !n.isObject()) {
            throw new ImpulseConfigException(key + ": missing or not a mapping");
        }
        return n;
    }

    private static String string(JsonNode parent, String prefix, String key) {
        JsonNode n = parent.get(key);
        if (n == null || !n.isValueNode() || n.isNull() || n.asText().isBlank()) {
            throw new ImpulseConfigException(prefix + key + ": missing or empty");
        }
        return n.asText().trim();
    }

    private static List<String> strings(JsonNode parent, String prefix, String key) {
        JsonNode n = parent.get(key);
        if (n == null || !n.isArray()) {
            throw new ImpulseConfigException(prefix + key + ": expected a list, e.g. [a, b]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isValueNode() || e.asText().isBlank()) {
                throw new ImpulseConfigException(prefix + key + ": every entry must be a non-empty name");
            }
            out.add(e.asText().trim());
        }
        return out;
    }

    private static double labelSmoothing(JsonNode n) {
        if (!n.isNumber() || !(n.asDouble() >= 0 && n.asDouble() <= TrainingConfig.MAX_LABEL_SMOOTHING)) {
            throw new ImpulseConfigException("learn.label_smoothing: must be a number in [0, "
                    + TrainingConfig.MAX_LABEL_SMOOTHING + "], got " + n.asText());
        }
        return n.asDouble();
    }

    private static double positiveNumber(JsonNode parent, String prefix, String key) {
        JsonNode n = parent.get(key);
        if (n == null || !n.isNumber() || !(n.asDouble() > 0) || Double.isInfinite(n.asDouble())) {
            throw new ImpulseConfigException(prefix + key + ": must be a positive number, got "
                    + (n == null ? "nothing" : n.asText()));
        }
        return n.asDouble();
    }

    private static long integer(JsonNode parent, String prefix, String key) {
        JsonNode n = parent.get(key);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
            throw new ImpulseConfigException(prefix + key + ": must be an integer, got "
                    + (n == null ? "nothing" : n.asText()));
        }
        return n.asLong();
    }

    private static int positiveInt(JsonNode parent, String prefix, String key) {
        long v = integer(parent, prefix, key);
        if (v <= 0 || v > Integer.MAX_VALUE) {
            throw new ImpulseConfigException(prefix + key + ": must be a positive integer, got " + v);
        }
        return (int) v;
    }

    /** A wrong impulse file; the message names the key. */
    public static final class ImpulseConfigException extends IllegalArgumentException {
        public ImpulseConfigException(String message) {
            super(message);
        }
    }

}
