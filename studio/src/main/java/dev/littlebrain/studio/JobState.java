package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a job is in its life: queued, running, then one of the three ends. */
public enum JobState {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the job has ended (nothing more will happen to it). */
    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
