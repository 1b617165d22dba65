package dev.littlebrain.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.training.TrainOptions;
import dev.littlebrain.train.TrainingDevice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a job will do, worked out from a request's kind and options before it is queued, so that bad options are a
 * 400 at once rather than a failed job later.
 *
 * @param options      the options as given, shown with the job
 * @param locksProject whether the job writes into the project and so holds its {@link dev.littlebrain.impulse.ProjectLock}
 *                     as the CLI's command does ({@code features}, {@code train} and {@code import}; {@code test}
 *                     writes only its reports, atomically, and takes no lock, as {@code littlebrain test} does)
 */
record JobPlan(JobKind kind, Map<String, Object> options, boolean locksProject, Work work) {
    /** {@code test}'s {@code --min-confidence} default: a top score under it counts as uncertain. */
    static final double DEFAULT_MIN_CONFIDENCE = 0.6;

    /** The job's work on the project; its result is what the job reports when done. */
    @FunctionalInterface
    interface Work {
        Object run(Project project, Progress progress) throws IOException;
    }

    /**
     * The plan for a {@code kind} job with {@code options} (a JSON object, or null for none) on the project in
     * {@code projectDir}.
     */
    static JobPlan of(JobKind kind, JsonNode options, Path projectDir) throws IOException {
        Map<String, Object> given = options(kind, options);
        return switch (kind) {
            case FEATURES -> new JobPlan(kind, given, true, (p, progress) -> p.computeFeatures(progress));
            case TRAIN -> {
                TrainOptions train = TrainOptions.DEFAULTS;
                if (given.containsKey("epochs")) {
                    train = train.withEpochs((Integer) given.get("epochs"));
                }
                if (given.containsKey("device")) {
                    train = train.withDevice(TrainingDevice.parse((String) given.get("device")));
                }
                TrainOptions chosen = train;
                yield new JobPlan(kind, given, true, (p, progress) -> p.train(chosen, progress));
            }
            case TEST -> {
                double minConfidence = (Double) given.getOrDefault("min_confidence", DEFAULT_MIN_CONFIDENCE);
                // The CLI's test: its reports and reports/test.json are written, so the dashboard shows it later.
                yield new JobPlan(kind, given, false,
                        (p, progress) -> TestResult.of(p.testWithReports(minConfidence, progress)));
            }
            case STREAM -> new JobPlan(kind, given, false, (p, progress) -> p.testStreams(
                    StreamCalibration.streams(p), progress));
            case IMPORT -> {
                ImportJob job = ImportJob.of(given, Project.open(projectDir));
                yield new JobPlan(kind, given, true, (p, progress) -> job.run(p, progress));
            }
        };
    }

    /** The options a kind takes, each checked; anything else is a 400 naming it. */
    private static Map<String, Object> options(JobKind kind, JsonNode options) {
        Map<String, Object> given = new LinkedHashMap<>();
        if (options == null || options.isNull()) {
            return given;
        }
        if (!options.isObject()) {
            throw StudioException.badRequest("options must be a JSON object, got " + options);
        }
        List<String> known = switch (kind) {
            case FEATURES -> List.of();
            case TRAIN -> List.of("epochs", "device");
            case TEST -> List.of("min_confidence");
            case STREAM -> List.of();
            case IMPORT -> ImportJob.OPTIONS;
        };
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            String name = option.getKey();
            JsonNode value = option.getValue();
            if (!known.contains(name)) {
                throw StudioException.badRequest("unknown option '" + name + "' for " + kind.aJob()
                        + (known.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", known) + ")"));
            }
            given.put(name, switch (name) {
                case "epochs" -> {
                    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() <= 0) {
                        throw StudioException.badRequest("epochs must be a positive whole number, got " + value);
                    }
                    yield value.asInt();
                }
                case "device" -> {
                    try {
                        TrainingDevice.parse(value.asText());
                    } catch (IllegalArgumentException e) {
                        throw StudioException.badRequest(e.getMessage());
                    }
                    yield value.asText();
                }
                case "min_confidence" -> {
                    if (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= 1)) {
                        throw StudioException.badRequest("min_confidence must be between 0 and 1, got " + value);
                    }
                    yield value.asDouble();
                }
                case "source" -> {
                    if (!value.isTextual() || value.asText().isBlank()) {
                        throw StudioException.badRequest("source must be a dataset folder's path, got " + value);
                    }
                    yield value.asText();
                }
                case "keywords" -> keywords(value);
                case "unknown", "noise", "bundled" -> {
                    if (!value.isBoolean()) {
                        throw StudioException.badRequest(name + " must be true or false, got " + value);
                    }
                    yield value.asBoolean();
                }
                case "stream_seconds", "training_copies" -> {
                    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
                        throw StudioException.badRequest(name + " must be a whole number of 0 or more, got " + value);
                    }
                    yield value.asInt();
                }
                case "seed" -> {
                    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                        throw StudioException.badRequest("seed must be a whole number, got " + value);
                    }
                    yield value.asLong();
                }
                default -> throw new IllegalStateException("no check for option " + name);
            });
        }
        return given;
    }

    /** {@code keywords}: a list of words, or one comma-separated string as the CLI's {@code --keywords} takes. */
    private static List<String> keywords(JsonNode value) {
        List<String> words = new java.util.ArrayList<>();
        if (value.isTextual()) {
            for (String w : value.asText().split(",")) {
                words.add(w.strip());
            }
        } else if (value.isArray()) {
            for (JsonNode w : value) {
                if (!w.isTextual()) {
                    throw StudioException.badRequest("keywords must be words, got " + value);
                }
                words.add(w.asText().strip());
            }
        } else {
            throw StudioException.badRequest("keywords must be a list of words, got " + value);
        }
        words.removeIf(String::isEmpty);
        return List.copyOf(words);
    }
}
