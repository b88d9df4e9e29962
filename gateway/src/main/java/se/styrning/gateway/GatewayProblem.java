package se.styrning.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyResponse;

/** The gateway's own errors, in the same RFC 9457 shape the services use. */
final class GatewayProblem {

    static final String MEDIA_TYPE = "application/problem+json";

    private GatewayProblem() {
    }

    static void send(HttpServerResponse response, int status, String title, String detail) {
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(body(status, title, detail));
    }

    static void fill(ProxyResponse response, int status, String title, String detail) {
        response.headers().clear();
        response.setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .setBody(Body.body(body(status, title, detail)));
    }

    private static Buffer body(int status, String title, String detail) {
        return new JsonObject()
                .put("type", "urn:styrning:problem:" + title.toLowerCase().replace(' ', '-'))
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .toBuffer();
    }
}
