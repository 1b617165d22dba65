package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.littlebrain.cli.impulse.ImpulseConfig;
import dev.littlebrain.cli.impulse.ImpulseProject;
import dev.littlebrain.cli.impulse.ProjectLock;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.augment.SpecAugment;
import dev.littlebrain.quantize.Calibration;
import dev.littlebrain.quantize.Int8Quantizer;
import dev.littlebrain.tflite.TfliteWriter;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.ModelEnsemble;
import dev.littlebrain.train.EpochStats;
import dev.littlebrain.train.LabeledFeatures;
import dev.littlebrain.train.Preset;
import dev.littlebrain.train.Trainer;
import dev.littlebrain.train.TrainingDevice;
import dev.littlebrain.train.TrainingConfig;
import dev.littlebrain.train.TrainingResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain train}: trains the impulse's learn block on the cached training-split features, writes
 * the float and int8 models, the training history and a loss/accuracy curve.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the impulse's model; write models/model_float.tflite, models/model_int8.tflite,"
                + " models/training.json and reports/training.png.")
public final class TrainCommand implements Callable<Integer> {
    static final int REPRESENTATIVE_SAMPLES = 100;
    /**
     * The draw of the calibration samples, the same whatever the training seed: every model of a project, and every
     * member of an ensemble (whose int8 members then share the input's parameters), is calibrated on the same inputs.
     */
    static final long CALIBRATION_SEED = 1;

    @Option(names = "--project", paramLabel = "DIR", description = "Impulse project folder (default: current directory).")
    Path project;

    @Option(names = "--epochs", paramLabel = "N", description = "Override learn.epochs (e.g. for a quick run).")
    Integer epochs;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "DEVICE",
            description = "auto (a CUDA GPU if PyTorch sees one, else the CPU), cpu (seeded, reproducible) or gpu"
                    + " (default: ${DEFAULT-VALUE}).")
    String device;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // A writing command: one at a time per project (two trains shared one checkpoint).
        try (ProjectLock lock = ProjectLock.acquire(ImpulseProject.require(project).dir(), spec)) {
            return callLocked();
        }
    }

    private Integer callLocked() throws IOException {
        ImpulseProject p = ImpulseProject.require(project);
        ImpulseConfig.Learn learn = p.config().learn();
        if (epochs != null && epochs <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--epochs must be positive, got " + epochs);
        }
        TrainingDevice where;
        try {
            where = TrainingDevice.parse(device);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String deviceName = where.describe(); // fails here, before any work, when a GPU is asked for and absent
        PrintWriter out = spec.commandLine().getOut();
        ImpulseProject.Features f = p.features("features");
        ImpulseProject.Split train = f.split(Split.TRAIN);
        ImpulseProject.Split validation = f.split(Split.VALIDATION);
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training samples with labels " + f.labels() + " in " + p.data());
        }
        int[] inputShape = {f.shape().frames(), f.shape().coefficients()};
        float[] classWeights = "balanced".equals(learn.classWeights())
                ? TrainingConfig.balancedWeights(train.labels(), f.labels().size()) : null;
        TrainingConfig base = new TrainingConfig((float) learn.learningRate(), learn.batchSize(),
                epochs != null ? epochs : learn.epochs(), learn.patience(), learn.seed(), classWeights, learn.schedule());
        List<float[][]> representative = representative(train, f.labels().size(), REPRESENTATIVE_SAMPLES,
                CALIBRATION_SEED);
        List<ImpulseConfig.Member> members = learn.members();
        List<Model> floatMembers = new ArrayList<>();
        List<Model> int8Members = new ArrayList<>();
        List<MemberRun> runs = new ArrayList<>();
        // A finished member's checkpoint stays until the ensemble is written: an interrupted run then trains only
        // the member it stopped in, and those before it are read back as they finished.
        List<Path> checkpoints = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            checkpoints.add(p.dir().resolve("cache").resolve(members.size() == 1 ? "checkpoint.bin"
                    : "checkpoint-member" + (m + 1) + ".bin"));
        }
        long start = System.nanoTime();
        for (int m = 0; m < members.size(); m++) {
            ImpulseConfig.Member member = members.get(m);
            Preset preset = Preset.named(member.preset(), inputShape, f.labels().size());
            TrainingConfig config = base.withSeed(member.seed()).withSpecAugment(member.specAugment(),
                    f.shape().frames(), f.shape().coefficients());
            String which = members.size() == 1 ? "" : String.format(Locale.ROOT, "member %d/%d (seed %d%s): ", m + 1,
                    members.size(), member.seed(), member.specAugment() == null ? "" : ", SpecAugment");
            out.printf(Locale.ROOT, "%straining %s on %d samples (%d validation), %d classes %s, %d epochs, learning"
                    + " rate %s (%s), on %s%n", which, preset.name(), train.size(), validation.size(),
                    f.labels().size(), f.labels(), config.epochs(), config.learningRate(), config.schedule().id(),
                    deviceName);
            out.flush();
            Path checkpoint = checkpoints.get(m);
            TrainingResult result = new Trainer(preset.spec(), config, where).fit(
                    new LabeledFeatures(train.features(), train.labels()),
                    new LabeledFeatures(validation.features(), validation.labels()),
                    s -> {
                        out.println(format(s));
                        out.flush();
                    }, checkpoint, message -> {
                        out.println(message);
                        out.flush();
                    }, members.size() > 1);
            Model floatModel = dev.littlebrain.train.TfliteExport.of(preset.spec(), result.parameters());
            floatMembers.add(floatModel);
            int8Members.add(Int8Quantizer.quantize(floatModel, Calibration.collect(floatModel, representative)));
            runs.add(new MemberRun(preset, config, result));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // An ensemble is written as one model averaging its members' scores, so everything downstream (test,
        // stream, profile, deploy) runs it as it runs a single model.
        String mean = "mean of " + members.size() + " members' scores";
        Model floatModel = members.size() == 1 ? floatMembers.get(0)
                : ModelEnsemble.averaging(floatMembers, "LittleBrain train (float32, " + mean + ")");
        Model int8 = members.size() == 1 ? int8Members.get(0)
                : ModelEnsemble.averaging(int8Members, "LittleBrain train (int8, " + mean + ")");
        Files.createDirectories(p.models());
        Files.createDirectories(p.reports());
        Path floatFile = p.models().resolve("model_float.tflite");
        Path int8File = p.models().resolve("model_int8.tflite");
        TfliteWriter.write(floatModel, floatFile);
        TfliteWriter.write(int8, int8File);
        writeHistory(p.models().resolve("training.json"), runs, f, representative.size());
        for (Path c : checkpoints) {
            Files.deleteIfExists(c);
        }
        // Also those of members since removed from learn.ensemble: nothing will resume them.
        try (var stale = Files.newDirectoryStream(p.dir().resolve("cache"), "checkpoint-member*.bin")) {
            for (Path c : stale) {
                Files.deleteIfExists(c);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // no cache folder: nothing was checkpointed
        }
        List<Path> pngs = new ArrayList<>();
        for (int m = 0; m < runs.size(); m++) {
            Path png = p.reports().resolve(m == 0 ? "training.png" : "training_member" + (m + 1) + ".png");
            drawCurves(runs.get(m).result().history(), png);
            pngs.add(png);
        }
        StringBuilder best = new StringBuilder();
        for (MemberRun r : runs) {
            best.append(best.length() == 0 ? "" : ", ").append(r.result().bestEpoch());
        }
        out.printf(Locale.ROOT, "trained in %.1f s; best epoch %s%s%n", seconds, best,
                runs.size() == 1 ? "" : " (" + mean + " in one model)");
        out.println("wrote " + floatFile + ", " + int8File + " (calibrated on " + representative.size()
                + " training samples), " + p.models().resolve("training.json") + ", "
                + String.join(", ", pngs.stream().map(Path::toString).toList()));
        out.flush();
        return 0;
    }

    /** One progress line; without a validation set (e.g. {@code bench train}) its columns say so instead of NaN. */
    static String format(EpochStats s) {
        String validation = Double.isNaN(s.valLoss()) ? "val_loss -  val_acc -"
                : String.format(Locale.ROOT, "val_loss %.4f  val_acc %.3f", s.valLoss(), s.valAccuracy());
        return String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  acc %.3f  %s  %.1f s  ETA %d s",
                s.epoch(), s.epochs(), s.loss(), s.accuracy(), validation, s.epochTime().toMillis() / 1000.0,
                s.eta().toSeconds());
    }

    /** Up to {@code max} training samples, every label present: labels taken in turn from shuffled per-label lists. */
    static List<float[][]> representative(ImpulseProject.Split train, int classes, int max, long seed) {
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byLabel.add(new ArrayList<>());
        }
        for (int i = 0; i < train.size(); i++) {
            byLabel.get(train.labels()[i]).add(i);
        }
        Random rng = new Random(seed);
        for (List<Integer> l : byLabel) {
            java.util.Collections.shuffle(l, rng);
        }
        List<float[][]> out = new ArrayList<>();
        for (int round = 0; out.size() < Math.min(max, train.size()); round++) {
            for (List<Integer> l : byLabel) {
                if (round < l.size() && out.size() < max) {
                    out.add(new float[][] {train.features()[l.get(round)]});
                }
            }
        }
        return out;
    }

    /** One trained member: what it was and how its training went. */
    private record MemberRun(Preset preset, TrainingConfig config, TrainingResult result) {
    }

    /**
     * The training record: the first member's settings and history at the top level (a single model's whole
     * record), and for an ensemble a {@code members} list with each member's.
     */
    private static void writeHistory(Path file, List<MemberRun> runs, ImpulseProject.Features f, int calibration)
            throws IOException {
        Map<String, Object> json = new LinkedHashMap<>(memberRecord(runs.get(0)));
        json.put("labels", f.labels());
        json.put("input_shape", List.of(f.shape().frames(), f.shape().coefficients()));
        json.put("calibration_samples", calibration);
        if (runs.size() > 1) {
            List<Map<String, Object>> members = new ArrayList<>();
            for (MemberRun r : runs) {
                members.add(memberRecord(r));
            }
            json.put("members", members);
        }
        writeAtomically(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json));
    }

    private static Map<String, Object> memberRecord(MemberRun run) {
        TrainingConfig config = run.config();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("preset", run.preset().name());
        json.put("epochs", config.epochs());
        json.put("learning_rate", config.learningRate());
        json.put("batch_size", config.batchSize());
        json.put("seed", config.seed());
        json.put("class_weights", config.classWeights());
        SpecAugment masks = config.specAugment() == null ? null : config.specAugment().masks();
        json.put("spec_augment", masks == null ? null : Map.of("time_masks", masks.timeMasks(), "time_mask_frames",
                masks.maxTimeWidth(), "frequency_masks", masks.frequencyMasks(), "frequency_mask_bins",
                masks.maxFrequencyWidth()));
        json.put("best_epoch", run.result().bestEpoch());
        List<Map<String, Object>> history = new ArrayList<>();
        for (EpochStats s : run.result().history()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", s.epoch());
            e.put("loss", finite(s.loss()));
            e.put("accuracy", finite(s.accuracy()));
            e.put("val_loss", finite(s.valLoss()));
            e.put("val_accuracy", finite(s.valAccuracy()));
            e.put("time_ms", s.epochTime().toMillis());
            history.add(e);
        }
        json.put("history", history);
        return json;
    }

    private static Float finite(float v) {
        return Float.isFinite(v) ? v : null;
    }

    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        dev.littlebrain.files.AtomicFiles.write(file, bytes);
    }

    /** Loss (left) and accuracy (right) per epoch, training solid and validation dashed. */
    static void drawCurves(List<EpochStats> history, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int w = 900;
        int h = 360;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        float maxLoss = 0;
        for (EpochStats s : history) {
            maxLoss = Math.max(maxLoss, Math.max(s.loss(), Float.isFinite(s.valLoss()) ? s.valLoss() : 0));
        }
        panel(g, history, 40, "loss", Math.max(maxLoss, 1e-3f), true);
        panel(g, history, 40 + w / 2, "accuracy", 1f, false);
        g.dispose();
        dev.littlebrain.data.viz.PngFiles.write(img, file);
    }

    private static void panel(Graphics2D g, List<EpochStats> history, int x0, String title, float yMax, boolean loss) {
        int pw = 380;
        int ph = 280;
        int y0 = 40;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f)); // the previous panel leaves its dashed series stroke set
        g.drawString(title + " (solid: train, dashed: validation)", x0, 25);
        g.drawRect(x0, y0, pw, ph);
        g.drawString(String.format(Locale.ROOT, "%.2f", yMax), x0 - 35, y0 + 10);
        g.drawString("0", x0 - 12, y0 + ph);
        g.drawString("epoch " + history.size(), x0 + pw - 60, y0 + ph + 15);
        int n = history.size();
        for (int series = 0; series < 2; series++) {
            g.setColor(series == 0 ? new Color(0x1f77b4) : new Color(0xff7f0e));
            g.setStroke(series == 0 ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
            int px = -1;
            int py = -1;
            for (int i = 0; i < n; i++) {
                EpochStats s = history.get(i);
                float v = loss ? (series == 0 ? s.loss() : s.valLoss()) : (series == 0 ? s.accuracy() : s.valAccuracy());
                if (!Float.isFinite(v)) {
                    continue;
                }
                int x = x0 + (n == 1 ? pw / 2 : Math.round((float) i / (n - 1) * pw));
                int y = y0 + ph - Math.round(Math.min(v / yMax, 1f) * ph);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                } else {
                    g.fillOval(x - 2, y - 2, 4, 4);
                }
                px = x;
                py = y;
            }
        }
    }
}
