package dev.littlebrain.studio;

import java.io.IOException;

/**
 * What the studio serves, as a map from a request's path to where it goes: with {@code --project} one project's
 * routes for every path; with {@code --workspace} the Projects page, and each project under {@code /p/NAME/}.
 */
@FunctionalInterface
interface Site {
    Destination destination(String path) throws IOException;

    /** Where a request goes. */
    sealed interface Destination {
    }

    /** To {@code table}, which sees the request at {@code path} (a project's routes never see its /p/NAME prefix). */
    record Routed(RouteTable table, String path) implements Destination {
    }

    /** Elsewhere: the browser is sent to {@code location} (a path on this server). */
    record Redirect(String location) implements Destination {
    }
}
