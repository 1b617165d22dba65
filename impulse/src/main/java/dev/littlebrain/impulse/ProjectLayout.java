package dev.littlebrain.impulse;

import java.nio.file.Path;

/**
 * Where everything of a project lives: the one place that names its files and folders. The relative names are
 * constants so that help texts can quote them; the methods resolve them in one project folder.
 */
public record ProjectLayout(Path dir) {
    /** The impulse, the one file a person edits. */
    public static final String CONFIG = "impulse.yaml";
    /** Curated data (a manifest and its clips or sensor files). */
    public static final String DATA = "data";
    /** Training checkpoints and the feature cache. */
    public static final String CACHE = "cache";
    public static final String FEATURE_CACHE = CACHE + "/features";
    public static final String MODELS = "models";
    /** The names of a trained model's files inside a models folder (a project's or one being ensembled). */
    public static final String FLOAT_MODEL_NAME = "model_float.tflite";
    public static final String INT8_MODEL_NAME = "model_int8.tflite";
    public static final String TRAINING_RECORD_NAME = "training.json";
    public static final String FLOAT_MODEL = MODELS + "/" + FLOAT_MODEL_NAME;
    public static final String INT8_MODEL = MODELS + "/" + INT8_MODEL_NAME;
    public static final String TRAINING_RECORD = MODELS + "/" + TRAINING_RECORD_NAME;
    /** An ensemble's member models, kept by {@code ensemble} so that it can be undone. */
    public static final String MEMBERS = MODELS + "/members";
    public static final String REPORTS = "reports";
    /** The last clip test's figures and the int8 model they are of ({@link TestRecord}). */
    public static final String TEST_RECORD = REPORTS + "/test.json";
    /** The writing command's lock (see {@link ProjectLock}). */
    public static final String LOCK = ".littlebrain.lock";
    /** Samples deleted in the studio, kept so that a deletion can be undone (never deleted for good). */
    public static final String TRASH = ".trash";

    public Path config() {
        return dir.resolve(CONFIG);
    }

    public Path data() {
        return dir.resolve(DATA);
    }

    /** The data folder's table of contents; absent until data is imported. */
    public Path manifest() {
        return data().resolve(dev.littlebrain.data.curate.Manifest.FILE_NAME);
    }

    public Path cache() {
        return dir.resolve(CACHE);
    }

    public Path featureCache() {
        return dir.resolve(CACHE).resolve("features");
    }

    public Path models() {
        return dir.resolve(MODELS);
    }

    public Path floatModel() {
        return models().resolve(FLOAT_MODEL_NAME);
    }

    public Path int8Model() {
        return models().resolve(INT8_MODEL_NAME);
    }

    public Path trainingRecord() {
        return models().resolve(TRAINING_RECORD_NAME);
    }

    public Path members() {
        return models().resolve("members");
    }

    public Path reports() {
        return dir.resolve(REPORTS);
    }

    public Path lock() {
        return dir.resolve(LOCK);
    }

    public Path trash() {
        return dir.resolve(TRASH);
    }

    /** The training curve of ensemble member {@code member} (0-based); a single model's is {@code training.png}. */
    public Path trainingCurve(int member) {
        return reports().resolve(member == 0 ? "training.png" : "training_member" + (member + 1) + ".png");
    }

    /** The checkpoint of member {@code member} (0-based) of a learn block with {@code members} members. */
    public Path checkpoint(int member, int members) {
        return cache().resolve(members == 1 ? "checkpoint.bin" : "checkpoint-member" + (member + 1) + ".bin");
    }

    /** The glob matching every member checkpoint in {@link #cache()}, also those of members since removed. */
    public static final String MEMBER_CHECKPOINTS = "checkpoint-member*.bin";

    public Path confusionMatrix() {
        return reports().resolve("confusion.png");
    }

    public Path testReport() {
        return reports().resolve("test.html");
    }

    public Path testRecord() {
        return dir.resolve(TEST_RECORD);
    }

    public Path farFrrCurve() {
        return reports().resolve("far_frr.png");
    }
}
