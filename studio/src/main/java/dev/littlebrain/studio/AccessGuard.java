package dev.littlebrain.studio;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Who may talk to the studio: a local server is still a server. Every request must name a host this machine
 * answers to (a page on another site that rebinds its DNS name to 127.0.0.1 sends its own name), carry the token
 * printed with the URL (as a query parameter on the first visit, then the cookie it sets, or a header for
 * scripts), and a request that changes anything must come from the studio's own origin.
 */
final class AccessGuard {
    static final String COOKIE = "littlebrain_token";
    static final String HEADER = "X-LittleBrain-Token";
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> READ_ONLY_METHODS = Set.of("GET", "HEAD");

    private final String token;
    private final int port;
    private final Set<String> extraHosts;

    /** @param extraHosts names besides this machine's that the studio answers to (with {@code --host}) */
    AccessGuard(String token, int port, Set<String> extraHosts) {
        this.token = token;
        this.port = port;
        this.extraHosts = Set.copyOf(extraHosts);
    }

    /** Why the request is refused, or empty when it may go on. */
    Optional<Refusal> check(String method, String host, String origin, Optional<String> presentedToken) {
        if (!hostIsOurs(host)) {
            return Optional.of(new Refusal(403, "unknown Host header '" + host + "': the studio answers to localhost"));
        }
        if (presentedToken.isEmpty()) {
            return Optional.of(new Refusal(401, "missing token: open the URL the studio printed (it ends in ?token=...)"));
        }
        if (!sameToken(presentedToken.get())) {
            return Optional.of(new Refusal(401, "wrong token: open the URL the studio printed"));
        }
        if (!READ_ONLY_METHODS.contains(method) && origin != null && !hostIsOurs(authorityOf(origin))) {
            return Optional.of(new Refusal(403, "cross-origin request from " + origin + " refused"));
        }
        return Optional.empty();
    }

    private boolean hostIsOurs(String host) {
        if (host == null) {
            return false;
        }
        String name = host;
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            if (!host.substring(colon + 1).equals(Integer.toString(port))) {
                return false;
            }
            name = host.substring(0, colon);
        }
        return LOCAL_NAMES.contains(name) || extraHosts.contains(name);
    }

    private static String authorityOf(String origin) {
        try {
            return URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Compared in constant time: the comparison must not tell an attacker how much of a guess was right. */
    private boolean sameToken(String presented) {
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** A refused request: its HTTP status and the one line that says why. */
    record Refusal(int status, String message) {
    }
}
