package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.littlebrain.train.EpochStats;
import java.util.Optional;

/**
 * One thing that happened to a job, as the server-sent event stream and the job's history carry it: numbered from 1
 * in the order they happened, so that a browser that reconnects asks for those after the last it saw.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = JobEvent.State.class, name = "state"),
    @JsonSubTypes.Type(value = JobEvent.Stage.class, name = "stage"),
    @JsonSubTypes.Type(value = JobEvent.Step.class, name = "step"),
    @JsonSubTypes.Type(value = JobEvent.Message.class, name = "message"),
    @JsonSubTypes.Type(value = JobEvent.Epoch.class, name = "epoch")})
public sealed interface JobEvent {
    long seq();

    /** Whether this event ends the job's stream. */
    default boolean last() {
        return this instanceof State s && s.state().finished();
    }

    /** The job entered {@code state}; a failed job says why in one line. */
    record State(long seq, JobState state, Optional<String> error) implements JobEvent {
    }

    /** A part of the job began ("features", "training"). */
    record Stage(long seq, String stage) implements JobEvent {
    }

    /** The current stage advanced: {@code done} of {@code total}, with the time left when it can be told. */
    record Step(long seq, String stage, long done, long total, double progress,
            @JsonProperty("eta_s") Optional<Long> etaSeconds) implements JobEvent {
    }

    /** A line for the person watching ("resuming from epoch 2/6"). */
    record Message(long seq, String message) implements JobEvent {
    }

    /** A training epoch finished; a figure that is not finite (no validation set) is null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Epoch(long seq, int epoch, int epochs, Float loss, Float accuracy, @JsonProperty("val_loss") Float valLoss,
            @JsonProperty("val_accuracy") Float valAccuracy, @JsonProperty("time_ms") long timeMs,
            @JsonProperty("eta_s") long etaSeconds) implements JobEvent {

        static Epoch of(long seq, EpochStats s) {
            return new Epoch(seq, s.epoch(), s.epochs(), finite(s.loss()), finite(s.accuracy()), finite(s.valLoss()),
                    finite(s.valAccuracy()), s.epochTime().toMillis(), s.eta().toSeconds());
        }

        private static Float finite(float v) {
            return Float.isFinite(v) ? v : null;
        }
    }
}
