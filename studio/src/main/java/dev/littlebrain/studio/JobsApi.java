package dev.littlebrain.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.evaluation.StreamReport;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The studio's background jobs (features, training, testing, stream testing): queue one, list them, follow one as
 * server-sent events, cancel one; and the Training and Testing pages that use them.
 *
 * <pre>
 * POST /api/jobs               {"kind": "train", "options": {"epochs": 30}}   → 202 and the job
 *                              (kinds: features, train, test, stream, import)
 * GET  /api/jobs               every job kept, oldest first
 * GET  /api/jobs/{id}          one job: state, progress, ETA, messages, result or error
 * POST /api/jobs/{id}/cancel   stops it (a training leaves its checkpoint)
 * POST /api/jobs/{id}/apply    a finished stream test's suggested threshold into impulse.yaml (test --stream --apply);
 *                              with {"threshold": 0.7, "keyword_thresholds": {"yes": 0.6}} the point picked instead
 * GET  /api/jobs/{id}/events   text/event-stream: the history so far, then each event, until the job ends
 * GET  /api/training           the learn block, the last training.json, whether a checkpoint waits (and its epochs)
 * </pre>
 */
final class JobsApi {
    /** A job request is a kind and a few options: anything larger is not one. */
    private static final long MAX_REQUEST_BYTES = 16 * 1024;

    private final Path projectDir;
    private final Jobs jobs;

    /** The jobs of the project in {@code projectDir}, cancelled when {@code server} stops. */
    JobsApi(Path projectDir, Server server) {
        this.projectDir = projectDir;
        this.jobs = new Jobs(projectDir);
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                try {
                    jobs.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /** A request to queue a job. */
    record JobRequest(String kind, JsonNode options) {
    }

    void register(RouteTable routes) {
        routes.get("/api/training", ex -> ex.json(TrainingStatus.of(Project.open(projectDir))))
                .get("/api/jobs", ex -> ex.json(Map.of("jobs", jobs.all().stream().map(Job::view).toList())))
                .post("/api/jobs", ex -> {
                    JobRequest request = ex.bodyJson(JobRequest.class, MAX_REQUEST_BYTES);
                    if (request == null || request.kind() == null) {
                        throw StudioException.badRequest("say which job to run: {\"kind\": \"train\"} (features,"
                                + " train, test, stream or import)");
                    }
                    JobPlan plan = JobPlan.of(JobKind.parse(request.kind()), request.options(), projectDir);
                    ex.json(202, jobs.submit(plan).view());
                })
                .get("/api/jobs/{id}", ex -> ex.json(job(ex).view()))
                .post("/api/jobs/{id}/cancel", ex -> {
                    Job job = job(ex);
                    job.cancel();
                    ex.json(job.view());
                })
                .post("/api/jobs/{id}/apply", ex -> {
                    StreamReport report = streamReport(job(ex));
                    byte[] body = ex.body(MAX_REQUEST_BYTES);
                    ex.json(body.length == 0 ? StreamCalibration.apply(projectDir, report)
                            : StreamCalibration.apply(projectDir, report, choice(body)));
                })
                .get("/api/jobs/{id}/events", ex -> {
                    Job job = job(ex);
                    EventStream.serve(ex, job, lastSeen(ex));
                });
    }

    private Job job(Exchange ex) {
        String id = ex.parameter("id");
        return jobs.find(id).orElseThrow(() -> StudioException.notFound("no job " + id + " (the studio keeps its"
                + " jobs until it stops)"));
    }

    /** A finished stream job's report: what {@code apply} writes from. */
    private static StreamReport streamReport(Job job) {
        if (job.kind() != JobKind.STREAM) {
            throw StudioException.badRequest("job " + job.id() + " is a " + job.kind().id() + " job: only a stream"
                    + " test's threshold can be applied");
        }
        if (job.state() != JobState.DONE) {
            throw StudioException.conflict("job " + job.id() + " is " + job.state().id() + ": a threshold can be"
                    + " applied from a finished stream test");
        }
        return (StreamReport) job.view().result().orElseThrow();
    }

    private static StreamCalibration.Choice choice(byte[] body) throws java.io.IOException {
        try {
            return Exchange.JSON.readValue(body, StreamCalibration.Choice.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw StudioException.badRequest("the request body is not the JSON expected: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    /** The last event the client saw: EventSource sends Last-Event-ID when it reconnects; a page may ask ?after=N. */
    private static long lastSeen(Exchange ex) {
        String given = ex.header("Last-Event-ID").or(() -> ex.query("after")).orElse("0");
        try {
            return Math.max(0, Long.parseLong(given.strip()));
        } catch (NumberFormatException e) {
            throw StudioException.badRequest("the last event id must be a number, got '" + given + "'");
        }
    }
}
