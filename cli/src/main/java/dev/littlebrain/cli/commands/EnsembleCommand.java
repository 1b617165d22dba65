package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.ProjectLock;
import dev.littlebrain.impulse.TrainingRecord;
import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.ModelEnsemble;
import dev.littlebrain.tflite.TfliteReader;
import dev.littlebrain.tflite.TfliteWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain ensemble --project P DIR...}: joins the project's trained model with models trained elsewhere
 * on the same features (each DIR a copy of a {@code models/} folder, e.g. taken before {@code data mine} and a second
 * {@code train}) into one model averaging their scores, which then replaces the project's. Members of different
 * recipes or data are what an ensemble needs (see README, Streaming); {@code learn.ensemble} covers members that
 * differ only in preset, seed or SpecAugment.
 */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = "Join the project's model with models trained on the same features (folders holding"
                + " " + ProjectLayout.FLOAT_MODEL_NAME + ", " + ProjectLayout.INT8_MODEL_NAME + " and "
                + ProjectLayout.TRAINING_RECORD_NAME + ") into one model averaging their scores;"
                + " the members are kept under models/members/.")
public final class EnsembleCommand implements Callable<Integer> {
    private static final String[] FILES = {ProjectLayout.FLOAT_MODEL_NAME, ProjectLayout.INT8_MODEL_NAME,
        ProjectLayout.TRAINING_RECORD_NAME};

    @Option(names = "--project", paramLabel = "DIR", description = "Impulse project folder (default: current directory).")
    Path project;

    @Parameters(arity = "1..*", paramLabel = "MODELS_DIR", description = "Folders of the other members' models.")
    List<Path> others = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // A writing command: one at a time per project (two trains shared one checkpoint).
        try (ProjectLock lock = CommandLock.acquire(ImpulseProject.require(project).dir(), spec)) {
            return callLocked();
        }
    }

    private Integer callLocked() throws IOException {
        ImpulseProject p = ImpulseProject.require(project);
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
            Model floatModel = TfliteReader.read(folder.resolve(FILES[0]));
            Model int8Model = TfliteReader.read(folder.resolve(FILES[1]));
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
        String mean = "mean of " + folders.size() + " members' scores";
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
        Path members = p.layout().members();
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
        AtomicFiles.write(p.models().resolve(FILES[1]), TfliteWriter.write(int8Ensemble));
        AtomicFiles.write(p.models().resolve(FILES[0]), TfliteWriter.write(floatEnsemble));
        record.write(p.models().resolve(FILES[2]));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("joined %d models into %s and %s (%s; %d inferences' cost per window); members kept in %s%n",
                folders.size(), p.models().resolve(FILES[0]), p.models().resolve(FILES[1]), mean, folders.size(),
                members);
        out.flush();
        return 0;
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
