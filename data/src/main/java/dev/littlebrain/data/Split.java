package dev.littlebrain.data;

/** The three disjoint parts of a dataset. */
public enum Split {
    TRAIN("train"),
    VALIDATION("validation"),
    TEST("test");

    private final String id;

    Split(String id) {
        this.id = id;
    }

    /** The name used in folder names and manifests. */
    public String id() {
        return id;
    }

    public static Split fromId(String id) {
        for (Split s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown split '" + id + "' (train, validation, test)");
    }
}
