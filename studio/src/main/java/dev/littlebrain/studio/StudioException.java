package dev.littlebrain.studio;

/**
 * A request the studio refuses or cannot serve, raised from inside an endpoint: the HTTP status and one line for
 * the person at the browser (the page shows it as is).
 */
public final class StudioException extends RuntimeException {
    private final int status;

    public StudioException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static StudioException badRequest(String message) {
        return new StudioException(400, message);
    }

    public static StudioException notFound(String message) {
        return new StudioException(404, message);
    }

    public static StudioException conflict(String message) {
        return new StudioException(409, message);
    }
}
