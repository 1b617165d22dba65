package dev.littlebrain.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The studio's routes: a method and a path pattern per endpoint, where a segment written {@code {name}} matches any
 * one segment and is handed to the endpoint ({@code /api/jobs/{id}}), and one written {@code {name...}} matches one
 * or more segments, handed over joined by '/' ({@code /api/samples/{id...}/audio}, whose ids are relative paths). Each area of the studio (dashboard,
 * data, jobs, ...) registers its own routes, so adding a page touches its own class and one line in {@link Studio}.
 */
public final class RouteTable {
    private record Route(String method, String[] segments, Endpoint endpoint) {
    }

    /** A route that matched: its endpoint and the values of its {@code {name}} segments. */
    record Match(Endpoint endpoint, Map<String, String> parameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    public RouteTable get(String pattern, Endpoint endpoint) {
        return add("GET", pattern, endpoint);
    }

    public RouteTable post(String pattern, Endpoint endpoint) {
        return add("POST", pattern, endpoint);
    }

    public RouteTable put(String pattern, Endpoint endpoint) {
        return add("PUT", pattern, endpoint);
    }

    public RouteTable delete(String pattern, Endpoint endpoint) {
        return add("DELETE", pattern, endpoint);
    }

    private RouteTable add(String method, String pattern, Endpoint endpoint) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route starts with '/': " + pattern);
        }
        routes.add(new Route(method, split(pattern), endpoint));
        return this;
    }

    /** The route for {@code method} and {@code path}; empty when none matches. */
    Optional<Match> find(String method, String path) {
        String[] segments = split(path);
        for (Route route : routes) {
            if (route.method.equals(method)) {
                Map<String, String> parameters = match(route.segments, segments);
                if (parameters != null) {
                    return Optional.of(new Match(route.endpoint, parameters));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether some route serves {@code path} with another method (405 rather than 404). */
    boolean servesOtherMethods(String path) {
        String[] segments = split(path);
        return routes.stream().anyMatch(r -> match(r.segments, segments) != null);
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        int rest = restSegment(pattern);
        if (rest < 0 ? pattern.length != path.length : path.length < pattern.length) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int tail = path.length - pattern.length; // segments the rest segment takes beyond its own one
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            int at = rest >= 0 && i > rest ? i + tail : i;
            if (i == rest) {
                String name = p.substring(1, p.length() - 4);
                parameters.put(name, String.join("/", java.util.Arrays.copyOfRange(path, i, i + tail + 1)));
            } else if (p.startsWith("{") && p.endsWith("}")) {
                parameters.put(p.substring(1, p.length() - 1), path[at]); // Jetty hands the path decoded
            } else if (!p.equals(path[at])) {
                return null;
            }
        }
        return parameters;
    }

    /** The index of the pattern's {@code {name...}} segment, which takes one or more path segments; -1 if none. */
    private static int restSegment(String[] pattern) {
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{") && pattern[i].endsWith("...}")) {
                return i;
            }
        }
        return -1;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
