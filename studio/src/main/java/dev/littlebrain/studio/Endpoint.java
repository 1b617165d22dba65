package dev.littlebrain.studio;

/** What answers one route: reads the exchange, replies through it (or throws a {@link StudioException}). */
@FunctionalInterface
public interface Endpoint {
    void handle(Exchange exchange) throws Exception;
}
