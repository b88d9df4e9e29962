package se.styrning.gateway;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * A public path (published documents): anyone may read it without a token, nobody may change anything through it,
 * so only GET and HEAD pass (405 otherwise). The call goes on without the caller's token: the service answers every
 * reader alike, and a token is not sent where it is not needed.
 */
final class PublicReads implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            context.response().putHeader("Allow", "GET, HEAD");
            GatewayProblem.send(context.response(), 405, "Method Not Allowed",
                    "Published documents are read-only: GET or HEAD, not " + method.name());
            return;
        }
        context.request().headers().remove("Authorization");
        context.next();
    }
}
