package dev.littlebrain.studio;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The requests Jetty itself refuses before any route sees them (an ambiguous path such as {@code %2e%2e} or
 * {@code %2F}, a malformed request line) answered as the studio answers: one JSON line saying why, not Jetty's HTML
 * page.
 */
final class JsonErrors implements Request.Handler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object status = request.getAttribute(ErrorHandler.ERROR_STATUS);
        Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        int code = status instanceof Integer i ? i : response.getStatus();
        response.getHeaders().remove(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE);
        Exchange.send(response, callback, code, Exchange.errorBody(message == null
                ? "the request was refused (HTTP " + code + ")" : message + ": " + Request.getPathInContext(request)));
        return true;
    }
}
