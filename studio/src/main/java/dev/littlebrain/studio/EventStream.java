package dev.littlebrain.studio;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/**
 * A job's events as server-sent events ({@code text/event-stream}): first those the client has not seen (all of
 * them for a new page, those after {@code Last-Event-ID} for a browser reconnecting), then each as it happens, until
 * the event that ends the job. Each event is {@code id: N} and {@code data: JSON} with the event's {@code type}
 * inside, so one {@code onmessage} handler reads them all.
 */
final class EventStream {
    /**
     * A comment line this often while nothing happens: it keeps the connection from idling out and finds a
     * browser that went away.
     */
    static final long HEARTBEAT_MILLIS = 10_000;
    /** An event's data is one line: a line break would end the field. */
    private static final ObjectWriter ONE_LINE = Exchange.JSON.writer().without(SerializationFeature.INDENT_OUTPUT);

    private EventStream() {
    }

    /** Streams {@code job}'s events after number {@code after}; returns when the job has ended or the client left. */
    static void serve(Exchange ex, Job job, long after) {
        Response response = ex.response();
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        try {
            write(response, false, ": job " + job.id() + "\n\n"); // sends the headers now: the page sees it open
            long next = after;
            boolean ended = false;
            while (!ended) {
                List<JobEvent> events = job.eventsAfter(next, HEARTBEAT_MILLIS);
                if (events.isEmpty()) {
                    ended = job.state().finished(); // the client had already seen the last event
                    if (!ended) {
                        write(response, false, ": still here\n\n");
                    }
                }
                StringBuilder text = new StringBuilder();
                for (JobEvent e : events) {
                    text.append("id: ").append(e.seq()).append("\ndata: ")
                            .append(ONE_LINE.writeValueAsString(e))
                            .append("\n\n");
                    next = e.seq();
                    ended |= e.last();
                }
                if (text.length() > 0) {
                    write(response, false, text.toString());
                }
            }
            write(response, true, "");
            ex.callback().succeeded();
        } catch (IOException e) {
            ex.callback().failed(e); // the browser closed the page: nothing to tell anyone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.callback().failed(e);
        }
    }

    /** One write, waiting until it is sent: the next event must not overtake it. */
    private static void write(Response response, boolean last, String text) throws IOException {
        try (Blocker.Callback sent = Blocker.callback()) {
            response.write(last, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), sent);
            sent.block();
        }
    }
}
