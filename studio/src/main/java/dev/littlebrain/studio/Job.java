package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.train.EpochStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * One job of the studio's queue: its plan, where it is, and everything that happened to it as numbered
 * {@link JobEvent}s, kept whole so that a browser opened mid-job is told the story so far before what comes next.
 * The worker thread writes it through {@link #progress()}; request threads read it and wait on it.
 */
final class Job {
    /** Step events closer together than this are not kept: a stage of 10,000 samples is not 10,000 events. */
    private static final long STEP_EVENT_INTERVAL_NANOS = 250_000_000L;

    private final String id;
    private final JobPlan plan;
    private final long createdMillis = System.currentTimeMillis();
    private final List<JobEvent> events = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private volatile boolean cancelRequested;
    private JobState state = JobState.QUEUED;
    private String stage = "";
    private long stageStartNanos = System.nanoTime();
    private long lastStepEventNanos;
    private double fraction;
    private Optional<Long> etaSeconds = Optional.empty();
    private Optional<Object> result = Optional.empty();
    private Optional<String> error = Optional.empty();

    Job(String id, JobPlan plan) {
        this.id = id;
        this.plan = plan;
        synchronized (this) {
            emit(seq -> new JobEvent.State(seq, JobState.QUEUED, Optional.empty()));
        }
    }

    String id() {
        return id;
    }

    JobKind kind() {
        return plan.kind();
    }

    JobPlan plan() {
        return plan;
    }

    /** What {@code GET /api/jobs/{id}} shows of a job. */
    record View(String id, JobKind kind, Map<String, Object> options, JobState state, String stage, double progress,
            @JsonProperty("eta_s") Optional<Long> etaSeconds, List<String> messages, Optional<Object> result,
            Optional<String> error, @JsonProperty("created_ms") long createdMillis,
            @JsonProperty("cancel_requested") boolean cancelRequested) {
    }

    synchronized View view() {
        return new View(id, plan.kind(), plan.options(), state, stage, fraction, etaSeconds, List.copyOf(messages),
                result, error, createdMillis, cancelRequested);
    }

    synchronized JobState state() {
        return state;
    }

    /** Whether the job still stands in the way of another of its kind: queued, or running and not asked to stop. */
    synchronized boolean pending() {
        return state == JobState.QUEUED || state == JobState.RUNNING && !cancelRequested;
    }

    /**
     * Asks the job to stop: a queued job is cancelled at once, a running one stops at its next check (training between
     * batches, leaving its checkpoint).
     */
    synchronized void cancel() {
        cancelRequested = true;
        if (state == JobState.QUEUED) {
            finish(JobState.CANCELLED, Optional.empty(), Optional.empty());
        }
    }

    /** Called by the worker as it takes the job; false when the job was cancelled while it waited. */
    synchronized boolean start() {
        if (state != JobState.QUEUED) {
            return false;
        }
        state = JobState.RUNNING;
        emit(seq -> new JobEvent.State(seq, JobState.RUNNING, Optional.empty()));
        return true;
    }

    synchronized void succeeded(Object value) {
        fraction = 1;
        etaSeconds = Optional.of(0L);
        finish(JobState.DONE, Optional.of(value), Optional.empty());
    }

    synchronized void failed(String why) {
        finish(JobState.FAILED, Optional.empty(), Optional.of(why));
    }

    synchronized void cancelled() {
        finish(JobState.CANCELLED, Optional.empty(), Optional.empty());
    }

    private void finish(JobState end, Optional<Object> value, Optional<String> why) {
        state = end;
        result = value;
        error = why;
        emit(seq -> new JobEvent.State(seq, end, why));
    }

    /**
     * The events after number {@code after}, waiting up to {@code waitMillis} for one when there are none yet; empty
     * when none came.
     */
    synchronized List<JobEvent> eventsAfter(long after, long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (events.size() <= after && !state.finished()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return List.of();
            }
            wait(left);
        }
        return List.copyOf(events.subList((int) Math.min(after, events.size()), events.size()));
    }

    /** Called holding the job's monitor. */
    private void emit(LongFunction<JobEvent> event) {
        events.add(event.apply(events.size() + 1));
        notifyAll();
    }

    /** The job's progress as the library's jobs report it; cancelled when the job is asked to stop. */
    Progress progress() {
        return new Progress() {
            @Override
            public void stage(String name) {
                synchronized (Job.this) {
                    stage = name;
                    stageStartNanos = System.nanoTime();
                    fraction = 0;
                    etaSeconds = Optional.empty();
                    emit(seq -> new JobEvent.Stage(seq, name));
                }
            }

            @Override
            public void step(long done, long total) {
                synchronized (Job.this) {
                    long now = System.nanoTime();
                    fraction = total > 0 ? (double) done / total : 0;
                    // The time left if the rest goes as fast as what is done.
                    etaSeconds = done > 0 ? Optional.of((now - stageStartNanos) * (total - done) / done / 1_000_000_000L)
                            : Optional.empty();
                    if (done == total || now - lastStepEventNanos >= STEP_EVENT_INTERVAL_NANOS) {
                        lastStepEventNanos = now;
                        double f = fraction;
                        Optional<Long> eta = etaSeconds;
                        String s = stage;
                        emit(seq -> new JobEvent.Step(seq, s, done, total, f, eta));
                    }
                }
            }

            @Override
            public void message(String line) {
                synchronized (Job.this) {
                    messages.add(line);
                    emit(seq -> new JobEvent.Message(seq, line));
                }
            }

            @Override
            public void epoch(EpochStats stats) {
                synchronized (Job.this) {
                    fraction = stats.epochs() > 0 ? (double) stats.epoch() / stats.epochs() : 0;
                    etaSeconds = Optional.of(stats.eta().toSeconds());
                    emit(seq -> JobEvent.Epoch.of(seq, stats));
                }
            }

            @Override
            public boolean cancelled() {
                return cancelRequested;
            }
        };
    }
}
