package dev.littlebrain.studio;

import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A project's job queue: jobs run one at a time, in the order they came, on one worker thread (two trainings of one
 * project would share one checkpoint, and PyTorch runs one training at a time anyway). A job that writes into the
 * project holds its {@link ProjectLock} while it runs, as the CLI's commands do, so a {@code littlebrain train} in a
 * terminal and the studio never train the same project at once.
 */
final class Jobs implements AutoCloseable {
    /** How the lock names the studio to a CLI command it turns away. */
    static final String LOCK_HOLDER = "littlebrain studio";
    /** Finished jobs kept for the pages beyond this many are forgotten, oldest first. */
    private static final int KEPT_JOBS = 100;

    private final Path projectDir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "studio-jobs");
        t.setDaemon(true); // a job in flight must not keep a stopped studio's JVM alive
        return t;
    });
    /** Tells this server's jobs from those of an earlier run, whose ids a reopened page may still hold. */
    private final String idPrefix = HexFormat.of().formatHex(SecureRandom.getSeed(2));
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private int count;
    /** Whether the worker holds (or is taking) the project lock: our own lock would turn {@link #submit}'s check away. */
    private volatile boolean workerHoldsLock;

    Jobs(Path projectDir) {
        this.projectDir = projectDir;
    }

    /**
     * Queues a job.
     *
     * @throws StudioException 409 when a job of the same kind is already waiting or running, or another program
     *                         holds the project
     */
    synchronized Job submit(JobPlan plan) throws IOException {
        for (Job j : jobs.values()) {
            if (j.kind() == plan.kind() && j.pending()) {
                throw StudioException.conflict(plan.kind().aJob() + " (" + j.id() + ") is already "
                        + j.state().id() + "; wait for it or cancel it");
            }
        }
        if (plan.locksProject() && !workerHoldsLock) {
            // Said now rather than by a failed job later; the job takes the lock again when it starts.
            try (ProjectLock probe = lock(line -> { })) {
                // free
            } catch (ProjectLock.ProjectInUseException e) {
                throw StudioException.conflict(e.getMessage());
            }
        }
        Job job = new Job(idPrefix + "-" + ++count, plan);
        jobs.put(job.id(), job);
        forgetOldJobs();
        worker.execute(() -> run(job));
        return job;
    }

    synchronized Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Every job kept, oldest first. */
    synchronized List<Job> all() {
        return new ArrayList<>(jobs.values());
    }

    private void run(Job job) {
        if (!job.start()) {
            return;
        }
        try {
            Object result;
            if (job.plan().locksProject()) {
                try (ProjectLock lock = lockForWorker(job)) {
                    result = work(job);
                } finally {
                    workerHoldsLock = false;
                }
            } else {
                result = work(job);
            }
            job.succeeded(result);
        } catch (CancellationException e) {
            job.cancelled();
        } catch (IOException | RuntimeException e) {
            job.failed(oneLine(e));
        } catch (Error e) {
            job.failed(oneLine(e));
            throw e;
        }
    }

    private Object work(Job job) throws IOException {
        return job.plan().work().run(Project.open(projectDir), job.progress());
    }

    /** Taken under the queue's monitor: {@link #submit}'s check of the lock must not hold it at this moment. */
    private synchronized ProjectLock lockForWorker(Job job) throws IOException {
        workerHoldsLock = true;
        return lock(job.progress()::message);
    }

    private ProjectLock lock(java.util.function.Consumer<String> notice) throws IOException {
        return ProjectLock.acquire(projectDir, LOCK_HOLDER, notice);
    }

    /** What the person reads of a failure: the library's one-line message, or the error's name without one. */
    private static String oneLine(Throwable e) {
        Throwable shown = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = shown.getMessage();
        return message == null || message.isBlank() ? shown.toString() : message.lines().findFirst().orElse(message);
    }

    private void forgetOldJobs() {
        var it = jobs.values().iterator();
        while (jobs.size() > KEPT_JOBS && it.hasNext()) {
            if (it.next().state().finished()) {
                it.remove();
            }
        }
    }

    /** Cancels every job and waits a while for the running one to stop (training stops between batches). */
    @Override
    public void close() throws InterruptedException {
        for (Job j : all()) {
            j.cancel();
        }
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
