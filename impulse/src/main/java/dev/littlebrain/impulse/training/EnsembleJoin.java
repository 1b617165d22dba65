package dev.littlebrain.impulse.training;

import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.TrainingRecord;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.ModelEnsemble;
import dev.littlebrain.tflite.TfliteReader;
import dev.littlebrain.tflite.TfliteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code ensemble}'s work: joins the project's trained model with models trained elsewhere on the same features
 * (each a copy of a {@code models/} folder) into one model averaging their scores, which replaces the project's.
 * The members are copied under {@code models/members/} before anything is replaced, so nothing is lost.
 */
public final class EnsembleJoin {
    private static final List<String> FILES = List.of(ProjectLayout.FLOAT_MODEL_NAME, ProjectLayout.INT8_MODEL_NAME,
            ProjectLayout.TRAINING_RECORD_NAME);

    private EnsembleJoin() {
    }

    /**
     * Joins the project's model with those in {@code others}.
     *
     * @throws IllegalArgumentException when a folder lacks a model file, holds an ensemble already, was trained on
     *     other labels, or its model does not end in SOFTMAX: one line naming it
     */
    public static EnsembleSummary run(ImpulseProject p, List<Path> others) throws IOException {
        List<Path> folders = new ArrayList<>();
        folders.add(p.models());
        folders.addAll(others);
        List<Model> floats = new ArrayList<>();
        List<Model> int8s = new ArrayList<>();
        List<TrainingRecord> records = new ArrayList<>();
        for (Path folder : folders) {
            for (String f : FILES) {
                if (!Files.isRegularFile(folder.resolve(f))) {
                    throw new IllegalArgumentException(folder + " has no " + f + " (a member's folder holds "
                            + String.join(", ", FILES) + ", as train writes them to models/)");
                }
            }
            TrainingRecord record = TrainingRecord.read(folder.resolve(ProjectLayout.TRAINING_RECORD_NAME));
            Model floatModel = TfliteReader.read(folder.resolve(ProjectLayout.FLOAT_MODEL_NAME));
            Model int8Model = TfliteReader.read(folder.resolve(ProjectLayout.INT8_MODEL_NAME));
            if (record.isEnsemble() || ModelEnsemble.isEnsemble(floatModel) || ModelEnsemble.isEnsemble(int8Model)) {
                throw new IllegalArgumentException(folder + " holds an ensemble already; join single models (its"
                        + " members are under " + folder.resolve("members") + ")");
            }
            if (!records.isEmpty() && !Objects.equals(record.labels(), records.get(0).labels())) {
                throw new IllegalArgumentException(folder + " was trained on labels " + shown(record.labels())
                        + ", the project's model on " + shown(records.get(0).labels()));
            }
            records.add(record);
            floats.add(floatModel);
            int8s.add(int8Model);
        }
        String mean = EnsembleSummary.mean(folders.size());
        Model floatEnsemble;
        Model int8Ensemble;
        try {
            floatEnsemble = ModelEnsemble.averaging(floats, "LittleBrain ensemble (float32, " + mean + ")");
            int8Ensemble = ModelEnsemble.averaging(int8s, "LittleBrain ensemble (int8, " + mean + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (members: " + folders + ")");
        }
        requireSoftmaxOutputs(int8s, folders);

        // The members are copied into the project before its models are replaced, so nothing is lost.
        ProjectLayout layout = p.layout();
        Path members = layout.members();
        for (int m = 0; m < folders.size(); m++) {
            Path dir = members.resolve(String.valueOf(m + 1));
            Files.createDirectories(dir);
            for (String f : FILES) {
                AtomicFiles.write(dir.resolve(f), Files.readAllBytes(folders.get(m).resolve(f)));
            }
        }
        List<TrainingRecord> kept = new ArrayList<>();
        for (int m = 0; m < folders.size(); m++) {
            kept.add(records.get(m).keptAsMember(folders.get(m).toAbsolutePath().normalize().toString(),
                    members.resolve(String.valueOf(m + 1)).toString()));
        }
        TrainingRecord record = records.get(0).withMembers(kept);
        AtomicFiles.write(layout.int8Model(), TfliteWriter.write(int8Ensemble));
        AtomicFiles.write(layout.floatModel(), TfliteWriter.write(floatEnsemble));
        record.write(layout.trainingRecord());
        return new EnsembleSummary(folders.size(), layout.floatModel(), layout.int8Model(), members, record);
    }

    /** Labels as the record's JSON showed them (a record without any: nothing). */
    private static String shown(List<String> labels) {
        return labels == null ? "" : labels.stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** The mean is of probabilities: each member must end in SOFTMAX, as every classifier train writes does. */
    private static void requireSoftmaxOutputs(List<Model> int8s, List<Path> folders) {
        for (int m = 0; m < int8s.size(); m++) {
            Model model = int8s.get(m);
            int output = model.mainSubgraph().outputs().get(0);
            boolean softmax = model.mainSubgraph().operators().stream().anyMatch(op -> op.outputs().contains(output)
                    && model.operatorCode(op).builtin() == BuiltinOperator.SOFTMAX);
            if (!softmax) {
                throw new IllegalArgumentException(folders.get(m) + ": the int8 model's output is not a SOFTMAX;"
                        + " an ensemble averages class probabilities");
            }
        }
    }
}
