package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes match by method and segments; a {name...} segment takes a relative path of one or more segments. */
class RouteTableTest {
    private final Endpoint audio = ex -> { };
    private final Endpoint change = ex -> { };
    private final Endpoint undo = ex -> { };
    private final RouteTable routes = new RouteTable().get("/api/samples/{id...}/audio", audio)
            .put("/api/samples/{id...}", change).post("/api/samples/undo", undo);

    @Test
    void aRestSegmentTakesTheWholeRelativePath() {
        RouteTable.Match m = routes.find("GET", "/api/samples/data/train/yes/a.wav/audio").orElseThrow();
        assertEquals(audio, m.endpoint());
        assertEquals(Map.of("id", "data/train/yes/a.wav"), m.parameters());
        assertEquals(Map.of("id", "a.wav"), routes.find("GET", "/api/samples/a.wav/audio").orElseThrow().parameters());
        assertEquals(Map.of("id", "train/wave/w.json"),
                routes.find("PUT", "/api/samples/train/wave/w.json").orElseThrow().parameters());
    }

    @Test
    void aRestSegmentTakesAtLeastOneSegmentAndTheFixedOnesStillCount() {
        assertTrue(routes.find("GET", "/api/samples/audio").isEmpty(), "no id");
        assertTrue(routes.find("GET", "/api/samples/train/a.wav/preview").isEmpty(), "another last segment");
        assertEquals(undo, routes.find("POST", "/api/samples/undo").orElseThrow().endpoint());
        assertTrue(routes.servesOtherMethods("/api/samples/undo"), "PUT takes it: GET is a 405");
    }
}
